package io.xxgk.classify.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TitleFeaturesTest {

    @Test
    void segmentsWithSmartcn() {
        List<String> words = TitleFeatures.words("2025年硕士研究生招生简章");
        assertTrue(words.contains("研究生"), words.toString());
        assertTrue(words.contains("招生"), words.toString());
    }

    @Test
    void featuresHoldWordsBigramsAndFoldedDigits() {
        List<String> f = List.of(TitleFeatures.features("2025年部门预算"));
        assertTrue(f.contains("_bias"));
        assertTrue(f.contains("w=预算"), f.toString());
        assertTrue(f.contains("b=预算"), f.toString());
        assertTrue(f.contains("b=#年"), f.toString());
        assertFalse(f.stream().anyMatch(s -> s.contains("2025")), f.toString());
    }

    @Test
    void fullWidthIsNormalized() {
        assertEquals("abc(2025)", TitleFeatures.normalize("ＡＢＣ（２０２５）"));
        assertEquals("", TitleFeatures.normalize(null));
    }

    @Test
    void leadingSchoolNameBecomesOneFeature() {
        List<String> f = List.of(TitleFeatures.features("青川医科大学2025年本科招生章程"));
        assertTrue(f.contains("_org"), f.toString());
        assertFalse(f.contains("b=青川"), f.toString());
        assertTrue(f.contains("w=章程"), f.toString());
        // a name that tells something is kept
        List<String> g = List.of(TitleFeatures.features("继续教育学院2025年招生简章"));
        assertFalse(g.contains("_org"), g.toString());
        assertTrue(g.contains("b=继续"), g.toString());
        // a bare name is kept too
        assertFalse(List.of(TitleFeatures.features("江城大学简介")).contains("_org"));
    }
}
