package io.xxgk.classify.tools;

import io.xxgk.classify.model.Calibration;
import io.xxgk.classify.model.ChecklistClassifier;
import io.xxgk.classify.model.ChecklistRules;
import io.xxgk.classify.model.Classification;
import io.xxgk.classify.model.TitleFeatures;
import io.xxgk.classify.model.TrainingData;
import io.xxgk.contract.checklist.Checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the confidence calibration ({@link Calibration}) and writes it to the resource the service loads
 * ({@code src/main/resources/model/calibration.tsv}).
 *
 * <p>Out-of-fold predictions over the real training titles only (never the held-out part): the real training titles are
 * split into 5 folds of whole schools ({@link Evaluate#foldsBySchool}); each fold is classified by a model trained as the
 * shipped one is (written titles, checklist texts, real titles) but without that fold. The decisions of the title rules
 * get one calibrated value, the share of them that was right (smoothed: (right + 1) / (n + 2)); the model's top
 * probabilities get an isotonic fit (pool-adjacent-violators) of right/wrong, each pooled block smoothed the same way and
 * kept non-decreasing. Deterministic: same data, same file.
 *
 * <p>Usage: {@code Calibrate [output file]} (by default the module's resource; {@code classify-service/evaluate.sh
 * --calibrate} runs it).
 */
public final class Calibrate {

    static final int FOLDS = 5;

    /** One out-of-fold decision: raw confidence, decided by a rule, right. */
    record Decision(double raw, boolean rule, boolean correct) {
    }

    private Calibrate() {
    }

    public static void main(String[] args) throws IOException {
        Evaluate.useJBossLogManager();
        Path out = Path.of(args.length > 0 ? args[0] : "classify-service/src/main/resources/" + Calibration.RESOURCE);
        List<Decision> decisions = outOfFold();
        Calibration c = fit(decisions);
        long rules = decisions.stream().filter(Decision::rule).count();
        long rulesRight = decisions.stream().filter(d -> d.rule() && d.correct()).count();
        long modelRight = decisions.stream().filter(d -> !d.rule() && d.correct()).count();
        String header = String.format(Locale.ROOT, """
                # Confidence calibration of the checklist classifier, written by io.xxgk.classify.tools.Calibrate
                # (classify-service/evaluate.sh --calibrate); do not edit by hand.
                # Fitted on %d out-of-fold predictions over the real training titles (%d folds of whole schools; the held-out
                # part is never used): %d rule decisions (%d right), %d model decisions (%d right).
                # rule<TAB>p: every title-rule decision; model<TAB>raw<TAB>p: isotonic map of the model's top probability.
                """, decisions.size(), FOLDS, rules, rulesRight, decisions.size() - rules, modelRight);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, header + c.format(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "calibration written to %s: rule %.4f, %d model breakpoints%n", out,
                c.rule(0), c.format().lines().filter(l -> l.startsWith("model")).count());
    }

    /** The out-of-fold decisions over the real training titles. */
    static List<Decision> outOfFold() {
        List<TrainingData.Row> all = TrainingData.files();
        List<TrainingData.Row> written = all.stream().filter(r -> !r.real()).toList();
        List<TrainingData.Row> real = all.stream().filter(TrainingData.Row::real).toList();
        List<TrainingData.Row> texts = TrainingData.checklistTexts(Checklist.national());
        List<List<TrainingData.Row>> folds = Evaluate.foldsBySchool(real, FOLDS);
        List<Decision> decisions = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            List<TrainingData.Row> train = new ArrayList<>(written);
            train.addAll(texts);
            for (int g = 0; g < FOLDS; g++) {
                if (g != f) {
                    train.addAll(folds.get(g));
                }
            }
            ChecklistClassifier c = ChecklistClassifier.trainOn(train);
            for (TrainingData.Row r : folds.get(f)) {
                Classification res = c.classify(r.title(), null, r.department(), null, null);
                decisions.add(new Decision(res.confidence(), isRule(r.title()), r.label().equals(label(res))));
            }
        }
        return decisions;
    }

    /** Fits the calibration to out-of-fold decisions. */
    static Calibration fit(List<Decision> decisions) {
        List<Decision> rules = decisions.stream().filter(Decision::rule).toList();
        List<Decision> model = decisions.stream().filter(d -> !d.rule()).toList();
        double rule = rules.isEmpty() ? Double.NaN
                : (rules.stream().filter(Decision::correct).count() + 1.0) / (rules.size() + 2.0);
        double[] raw = new double[model.size()];
        boolean[] right = new boolean[model.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = model.get(i).raw();
            right[i] = model.get(i).correct();
        }
        double[][] iso = Calibration.isotonic(raw, right);
        double[] xs = iso[0];
        double[] ys = new double[xs.length];
        double floor = 0;
        for (int b = 0; b < xs.length; b++) {
            double n = iso[2][b];
            floor = Math.max(floor, (iso[1][b] * n + 1.0) / (n + 2.0));
            ys[b] = floor; // smoothing can break the order of neighbouring blocks; keep the map non-decreasing
        }
        // a run of equal calibrated values needs only its first and last breakpoint
        List<double[]> kept = new ArrayList<>();
        for (int b = 0; b < xs.length; b++) {
            boolean inner = b > 0 && b + 1 < xs.length && ys[b - 1] == ys[b] && ys[b + 1] == ys[b];
            if (!inner) {
                kept.add(new double[] {xs[b], ys[b]});
            }
        }
        return Calibration.of(rule, kept.stream().mapToDouble(k -> k[0]).toArray(), kept.stream().mapToDouble(k -> k[1]).toArray());
    }

    static boolean isRule(String title) {
        String t = TitleFeatures.normalize(ChecklistClassifier.head(title, ChecklistClassifier.TITLE_CHARS));
        return ChecklistRules.match(t).isPresent();
    }

    static String label(Classification c) {
        return c.checklistItem() == null ? TrainingData.NONE : c.checklistItem().toString();
    }
}
