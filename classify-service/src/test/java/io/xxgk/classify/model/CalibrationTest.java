package io.xxgk.classify.model;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {

    @Test
    void isotonicPoolsAdjacentViolators() {
        // a wrong answer at 0.2 after a right one at 0.1 violates monotony: the two are pooled at their mean
        double[][] fit = Calibration.isotonic(new double[] {0.4, 0.1, 0.3, 0.2}, new boolean[] {true, true, true, false});
        assertArrayEquals(new double[] {0.15, 0.3, 0.4}, fit[0], 1e-12);
        assertArrayEquals(new double[] {0.5, 1.0, 1.0}, fit[1], 1e-12);
        assertArrayEquals(new double[] {2, 1, 1}, fit[2], 1e-12);
    }

    @Test
    void isotonicPoolsTiesAndCascades() {
        double[][] ties = Calibration.isotonic(new double[] {0.5, 0.5}, new boolean[] {true, false});
        assertArrayEquals(new double[] {0.5}, ties[0], 1e-12);
        assertArrayEquals(new double[] {0.5}, ties[1], 1e-12);
        // 1, 1, 0, 0 over rising confidence: everything pools into one block
        double[][] all = Calibration.isotonic(new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {true, true, false, false});
        assertArrayEquals(new double[] {0.25}, all[0], 1e-12);
        assertArrayEquals(new double[] {0.5}, all[1], 1e-12);
    }

    @Test
    void mapInterpolatesBetweenBreakpointsAndClampsOutside() {
        Calibration c = Calibration.of(0.9, new double[] {0.2, 0.6}, new double[] {0.5, 0.9});
        assertEquals(0.5, c.model(0.0), 1e-12);
        assertEquals(0.5, c.model(0.2), 1e-12);
        assertEquals(0.7, c.model(0.4), 1e-12);
        assertEquals(0.9, c.model(0.99), 1e-12);
        assertEquals(0.9, c.rule(0.97), 1e-12);
    }

    @Test
    void identityKeepsRawConfidences() {
        Calibration id = Calibration.identity();
        assertTrue(id.isIdentity());
        assertEquals(0.42, id.model(0.42));
        assertEquals(0.97, id.rule(0.97));
    }

    @Test
    void formatAndParseRoundTrip() throws Exception {
        Calibration c = Calibration.of(0.95, new double[] {0.1, 0.5, 0.9}, new double[] {0.6, 0.7, 0.97});
        Calibration back = Calibration.parse(new BufferedReader(new StringReader("# comment\n" + c.format())));
        assertEquals(c.format(), back.format());
        assertEquals(c.model(0.3), back.model(0.3), 1e-12);
    }

    @Test
    void badFilesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Calibration.parse(new BufferedReader(new StringReader("model\t0.5\n"))));
        assertThrows(IllegalArgumentException.class,
                () -> Calibration.parse(new BufferedReader(new StringReader("model\t0.2\t0.9\nmodel\t0.5\t0.6\n"))));
        assertThrows(IllegalArgumentException.class,
                () -> Calibration.parse(new BufferedReader(new StringReader("rule\t1.5\n"))));
    }

    @Test
    void shippedCalibrationIsAValidMonotoneMap() {
        Calibration shipped = Calibration.load();
        assertTrue(!shipped.isIdentity(), Calibration.RESOURCE + " is on the classpath");
        double prev = -1;
        for (int i = 0; i <= 100; i++) {
            double v = shipped.model(i / 100.0);
            assertTrue(v >= prev && v >= 0 && v <= 1, "at " + i / 100.0 + ": " + v);
            prev = v;
        }
        double rule = shipped.rule(ChecklistClassifier.RULE_CONFIDENCE);
        assertTrue(rule > 0.5 && rule < 1, "rule " + rule);
    }
}
