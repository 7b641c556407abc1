package io.xxgk.classify.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the classifier's raw confidence into a calibrated one: the share of real titles, from schools the model had not
 * seen, that were classified correctly at that raw confidence.
 *
 * <p>Two parts, both fitted offline on out-of-fold predictions of the real training titles by
 * {@code io.xxgk.classify.tools.Calibrate} and stored in {@value #RESOURCE}:
 * <ul>
 *   <li>{@code rule}: one value for every decision of a title rule ({@link ChecklistRules}), which all report the same raw
 *       confidence and so cannot be told apart by it;</li>
 *   <li>{@code model}: an isotonic (monotone, non-decreasing) map of the model's top probability, stored as breakpoints
 *       and interpolated linearly between them.</li>
 * </ul>
 * Operators' corrections are not calibrated (a person decided them). Without the resource the map is the identity.
 * Immutable.
 */
public final class Calibration {

    public static final String RESOURCE = "model/calibration.tsv";

    private static final Calibration IDENTITY = new Calibration(Double.NaN, new double[0], new double[0]);

    private final double rule;
    private final double[] xs;
    private final double[] ys;

    Calibration(double rule, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("breakpoints: " + xs.length + " x, " + ys.length + " y");
        }
        for (int i = 0; i < xs.length; i++) {
            check(xs[i], "raw confidence");
            check(ys[i], "calibrated confidence");
            if (i > 0 && (xs[i] < xs[i - 1] || ys[i] < ys[i - 1])) {
                throw new IllegalArgumentException("breakpoints must be non-decreasing at " + i);
            }
        }
        if (!Double.isNaN(rule)) {
            check(rule, "rule confidence");
        }
        this.rule = rule;
        this.xs = xs.clone();
        this.ys = ys.clone();
    }

    /** The identity: raw confidences are reported as they are. */
    public static Calibration identity() {
        return IDENTITY;
    }

    /** A calibration from a rule value and isotonic breakpoints (raw → calibrated, both non-decreasing). */
    public static Calibration of(double rule, double[] rawPoints, double[] calibratedPoints) {
        return new Calibration(rule, rawPoints, calibratedPoints);
    }

    /** The calibration stored in {@value #RESOURCE} on the classpath, or the identity when there is none. */
    public static Calibration load() {
        ClassLoader cl = Calibration.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return IDENTITY;
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    /**
     * Reads lines {@code rule<TAB>value} and {@code model<TAB>raw<TAB>calibrated}; {@code #} starts a comment.
     */
    public static Calibration parse(BufferedReader reader) throws IOException {
        double rule = Double.NaN;
        List<double[]> points = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] c = l.split("\t");
            try {
                if (c[0].equals("rule") && c.length == 2) {
                    rule = Double.parseDouble(c[1]);
                } else if (c[0].equals("model") && c.length == 3) {
                    points.add(new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2])});
                } else {
                    throw new IllegalArgumentException("expected rule<TAB>p or model<TAB>raw<TAB>p");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + ":" + n + ": " + e.getMessage(), e);
            }
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        return new Calibration(rule, xs, ys);
    }

    /** The calibrated confidence of a rule's decision whose raw confidence is {@code raw}. */
    public double rule(double raw) {
        return Double.isNaN(rule) ? raw : rule;
    }

    /** The calibrated confidence of the model's answer whose top probability is {@code raw}. */
    public double model(double raw) {
        if (xs.length == 0) {
            return raw;
        }
        if (raw <= xs[0]) {
            return ys[0];
        }
        int last = xs.length - 1;
        if (raw >= xs[last]) {
            return ys[last];
        }
        int i = 1;
        while (xs[i] < raw) {
            i++;
        }
        double span = xs[i] - xs[i - 1];
        return span <= 0 ? ys[i] : ys[i - 1] + (ys[i] - ys[i - 1]) * (raw - xs[i - 1]) / span;
    }

    public boolean isIdentity() {
        return xs.length == 0 && Double.isNaN(rule);
    }

    /** The text of {@link #parse}. */
    public String format() {
        StringBuilder b = new StringBuilder();
        if (!Double.isNaN(rule)) {
            b.append(String.format(Locale.ROOT, "rule\t%.4f%n", rule));
        }
        for (int i = 0; i < xs.length; i++) {
            b.append(String.format(Locale.ROOT, "model\t%.4f\t%.4f%n", xs[i], ys[i]));
        }
        return b.toString();
    }

    /**
     * Pool-adjacent-violators: the non-decreasing least-squares fit of {@code correct} (1 or 0) over {@code raw}, returned
     * as {xs, ys, weights}: one breakpoint per pooled block at the block's mean raw confidence, with the block's share of
     * right answers and its number of decisions. Ties in raw confidence are pooled
     * first, so the map is a function. Deterministic.
     */
    public static double[][] isotonic(double[] raw, boolean[] correct) {
        int n = raw.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
        // blocks: sum of x, sum of y, weight
        List<double[]> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double y = correct[i] ? 1 : 0;
            if (!blocks.isEmpty() && blocks.get(blocks.size() - 1)[3] == raw[i]) {
                double[] b = blocks.get(blocks.size() - 1);
                b[0] += raw[i];
                b[1] += y;
                b[2] += 1;
            } else {
                blocks.add(new double[] {raw[i], y, 1, raw[i]});
            }
            while (blocks.size() > 1) {
                double[] cur = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[1] / prev[2] <= cur[1] / cur[2]) {
                    break;
                }
                prev[0] += cur[0];
                prev[1] += cur[1];
                prev[2] += cur[2];
                prev[3] = cur[3];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] xs = new double[blocks.size()];
        double[] ys = new double[blocks.size()];
        double[] ws = new double[blocks.size()];
        for (int i = 0; i < xs.length; i++) {
            double[] b = blocks.get(i);
            xs[i] = b[0] / b[2];
            ys[i] = b[1] / b[2];
            ws[i] = b[2];
        }
        return new double[][] {xs, ys, ws};
    }

    private static void check(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " out of [0,1]: " + v);
        }
    }
}
