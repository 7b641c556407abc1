package io.xxgk.classify.tools;

import io.xxgk.classify.model.ChecklistClassifier;
import io.xxgk.classify.model.TitleFeatures;
import io.xxgk.classify.model.TrainingData;
import io.xxgk.classify.model.Classification;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluates {@link ChecklistClassifier} on a TSV file (title TAB checklist item, "-" for none; a header line is
 * allowed): accuracy on the item and on the category, precision and recall of "none", macro-F1 over the classes present
 * in the file, the worst confusions, and how many of the file's titles are also training titles.
 *
 * <p>Usage: {@code Evaluate file.tsv [--errors]} ({@code --errors} lists every miss with its explanation), or
 * {@code Evaluate --cv [k]}: k-fold cross-validation over the training files (default 5), a check of how well the
 * training data generalises within itself, or {@code Evaluate --real [--errors]}: the figures that count, on real titles
 * only (see {@link #real(boolean)}), or {@code Evaluate --cv-train [--errors]}: cross-validation over the real training
 * titles only, where model choices are made (see {@link #crossValidateTraining(boolean)}).
 */
public final class Evaluate {

    /** Character-bigram Jaccard similarity at or above which an evaluation title counts as a close paraphrase. */
    static final double CLOSE = 0.8;

    public record Report(int n, double itemAccuracy, double categoryAccuracy, double nonePrecision, double noneRecall,
                         double macroF1, int classes, int overlapExact, int overlapClose) {
    }

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        useJBossLogManager();
        if (args.length < 1) {
            System.err.println("usage: Evaluate <file.tsv> [--errors]");
            System.exit(2);
        }
        boolean errors = List.of(args).contains("--errors");
        if (args[0].equals("--real")) {
            real(errors);
            return;
        }
        if (args[0].equals("--cv-train")) {
            crossValidateTraining(errors);
            return;
        }
        if (args[0].equals("--cv")) {
            crossValidate(args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 5, errors);
            return;
        }
        Path file = Path.of(args[0]);
        List<TrainingData.Row> rows;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = TrainingData.parse(r, file.toString());
        }
        long t0 = System.nanoTime();
        ChecklistClassifier classifier = ChecklistClassifier.load();
        long trainMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "model trained on %d rows in %d ms%n", classifier.trainingRows(), trainMs);
        evaluate(classifier, rows, errors, true);
    }

    /**
     * The module's runtime classpath carries JBoss LogManager (as Quarkus uses it); outside Quarkus it complains on stderr
     * unless it is also the JUL manager. Call first thing in a main, before anything logs.
     */
    static void useJBossLogManager() {
        if (System.getProperty("java.util.logging.manager") == null) {
            try {
                Class.forName("org.jboss.logmanager.LogManager", false, Evaluate.class.getClassLoader());
                System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
            } catch (ClassNotFoundException absent) {
                // plain JUL then
            }
        }
    }

    /** k-fold cross-validation over the training files (rows shuffled with a fixed seed). */
    static void crossValidate(int k, boolean errors) {
        List<TrainingData.Row> all = new ArrayList<>(TrainingData.files());
        java.util.Collections.shuffle(all, new java.util.Random(20140725L));
        List<TrainingData.Row> predictions = new ArrayList<>();
        int ok = 0;
        Map<String, List<String>> confusions = new HashMap<>();
        for (int fold = 0; fold < k; fold++) {
            List<TrainingData.Row> train = new ArrayList<>();
            List<TrainingData.Row> test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                (i % k == fold ? test : train).add(all.get(i));
            }
            ChecklistClassifier c = ChecklistClassifier.trainOn(train);
            for (TrainingData.Row r : test) {
                Classification res = c.classify(r.title(), null, null, null, null);
                String pred = res.checklistItem() == null ? TrainingData.NONE : res.checklistItem().toString();
                if (pred.equals(r.label())) {
                    ok++;
                } else {
                    confusions.computeIfAbsent(r.label() + " → " + pred, x -> new ArrayList<>()).add(r.title());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d-fold cross-validation over %d training titles: item accuracy %.3f%n", k, all.size(),
                ratio(ok, all.size()));
        confusions.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .limit(errors ? Integer.MAX_VALUE : 15)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-9s %3d  e.g. %s%n", e.getKey(), e.getValue().size(),
                        String.join(" | ", e.getValue().subList(0, Math.min(3, e.getValue().size())))));
    }

    /**
     * 5-fold cross-validation by school over the real training titles only ({@code real-train.tsv}; the held-out part is
     * not read): each fold is classified by a model trained on the written titles, the checklist texts and the real
     * training titles of the other folds' schools. This is where model settings (system properties such as
     * {@code xxgk.classify.none-factor}) are compared, and its misses may be listed; the held-out part is only measured.
     */
    static void crossValidateTraining(boolean errors) {
        List<TrainingData.Row> all = TrainingData.files();
        List<TrainingData.Row> realTrain = all.stream().filter(TrainingData.Row::real).toList();
        List<TrainingData.Row> base = new ArrayList<>(all.stream().filter(r -> !r.real()).toList());
        Checklist checklist = Checklist.national();
        base.addAll(TrainingData.checklistTexts(checklist));
        int k = 5;
        List<List<TrainingData.Row>> folds = foldsBySchool(realTrain, k);
        List<TrainingData.Row> cvRows = new ArrayList<>();
        List<Classification> cvPred = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int f = 0; f < k; f++) {
            List<TrainingData.Row> train = new ArrayList<>(base);
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    train.addAll(folds.get(g));
                }
            }
            ChecklistClassifier c = ChecklistClassifier.trainOn(train);
            for (TrainingData.Row r : folds.get(f)) {
                cvRows.add(r);
                cvPred.add(c.classify(r.title(), null, r.department(), null, null));
            }
        }
        System.out.printf(Locale.ROOT, "%d-fold cross-validation by school over the %d real training titles (%d schools; held-out part"
                        + " not used), %d ms; settings: none-factor=%s real-weight=%s iterations=%s sigma=%s%n", k, realTrain.size(),
                realTrain.stream().map(TrainingData.Row::school).distinct().count(), (System.nanoTime() - t0) / 1_000_000,
                System.getProperty("xxgk.classify.none-factor", "default"), System.getProperty("xxgk.classify.real-weight", "default"),
                System.getProperty("xxgk.classify.iterations", "default"),
                System.getProperty("xxgk.classify.sigma", "default"));
        report(checklist, cvRows, cvPred, new int[] {0, 0}, errors, true);
        String dump = System.getProperty("xxgk.evaluate.dump");
        if (dump != null && !dump.isBlank()) { // one line per title: school, gold, predicted, confidence, title
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cvRows.size(); i++) {
                Classification c = cvPred.get(i);
                b.append(cvRows.get(i).school()).append('\t').append(cvRows.get(i).label()).append('\t')
                        .append(c.checklistItem() == null ? TrainingData.NONE : c.checklistItem().toString()).append('\t')
                        .append(String.format(Locale.ROOT, "%.4f", c.confidence())).append('\t').append(cvRows.get(i).title()).append('\n');
            }
            try {
                Files.writeString(Path.of(dump), b, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < cvRows.size(); i++) {
            if (!cvRows.get(i).school().equals("中国人民大学")) {
                others.add(i);
            }
        }
        fieldLine(checklist, "schools other than 中国人民大学", pick(cvRows, others), pick(cvPred, others));
        System.out.println("(raw model confidences: calibration is fitted on these same folds)");
        holds(cvRows, cvPred, holdBelow());
    }

    /** Runs the classifier over {@code rows} and returns (and if {@code print}, prints) the figures. */
    public static Report evaluate(ChecklistClassifier classifier, List<TrainingData.Row> rows, boolean listErrors, boolean print) {
        List<Classification> predictions = new ArrayList<>(rows.size());
        for (TrainingData.Row row : rows) {
            predictions.add(classifier.classify(row.title(), null, null, null, null));
        }
        int[] overlap = overlapWithTraining(rows, TrainingData.files());
        return report(classifier.checklist(), rows, predictions, overlap, listErrors, print);
    }

    /** The figures of {@code predictions} (one per row, same order) against the rows' labels. */
    static Report report(Checklist checklist, List<TrainingData.Row> rows, List<Classification> predictions, int[] overlap,
                         boolean listErrors, boolean print) {
        int n = rows.size();
        int itemOk = 0;
        int catOk = 0;
        int predNone = 0;
        int goldNone = 0;
        int bothNone = 0;
        Map<String, int[]> perClass = new LinkedHashMap<>(); // tp, fp, fn
        Map<String, List<String>> confusions = new HashMap<>();
        List<String> misses = new ArrayList<>();
        int[][] bands = new int[BANDS.length][2]; // titles, correct
        for (int i = 0; i < n; i++) {
            TrainingData.Row row = rows.get(i);
            Classification c = predictions.get(i);
            String gold = row.label();
            String pred = c.checklistItem() == null ? TrainingData.NONE : c.checklistItem().toString();
            int band = band(c.confidence());
            bands[band][0]++;
            if (gold.equals(pred)) {
                itemOk++;
                bands[band][1]++;
            } else {
                confusions.computeIfAbsent(gold + " → " + pred, k -> new ArrayList<>()).add(row.title());
                misses.add(gold + " → " + pred + String.format(Locale.ROOT, " (%.2f)", c.confidence()) + "\t" + row.title()
                        + (row.school() == null ? "" : "\t" + row.school()) + "\t" + c.explanation());
            }
            if (category(checklist, gold).equals(category(checklist, pred))) {
                catOk++;
            }
            boolean gn = TrainingData.NONE.equals(gold);
            boolean pn = TrainingData.NONE.equals(pred);
            goldNone += gn ? 1 : 0;
            predNone += pn ? 1 : 0;
            bothNone += gn && pn ? 1 : 0;
            perClass.computeIfAbsent(gold, k -> new int[3]);
            perClass.computeIfAbsent(pred, k -> new int[3]);
            if (gold.equals(pred)) {
                perClass.get(gold)[0]++;
            } else {
                perClass.get(pred)[1]++;
                perClass.get(gold)[2]++;
            }
        }
        Set<String> present = new TreeSet<>();
        rows.forEach(r -> present.add(r.label()));
        double f1Sum = 0;
        for (String cls : present) {
            int[] v = perClass.get(cls);
            double prec = v[0] + v[1] == 0 ? 0 : (double) v[0] / (v[0] + v[1]);
            double rec = v[0] + v[2] == 0 ? 0 : (double) v[0] / (v[0] + v[2]);
            f1Sum += prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
        }
        Report report = new Report(n, ratio(itemOk, n), ratio(catOk, n), ratio(bothNone, predNone), ratio(bothNone, goldNone),
                present.isEmpty() ? 0 : f1Sum / present.size(), present.size(), overlap[0], overlap[1]);
        if (print) {
            System.out.printf(Locale.ROOT, "titles: %d%n", n);
            System.out.printf(Locale.ROOT, "item accuracy: %.3f (%d/%d)%n", report.itemAccuracy(), itemOk, n);
            System.out.printf(Locale.ROOT, "category accuracy: %.3f (%d/%d)%n", report.categoryAccuracy(), catOk, n);
            System.out.printf(Locale.ROOT, "none precision: %.3f (%d/%d)  none recall: %.3f (%d/%d)%n",
                    report.nonePrecision(), bothNone, predNone, report.noneRecall(), bothNone, goldNone);
            System.out.printf(Locale.ROOT, "macro-F1 over %d classes present: %.3f%n", report.classes(), report.macroF1());
            System.out.println("accuracy by confidence band:");
            for (int b = 0; b < BANDS.length; b++) {
                System.out.printf(Locale.ROOT, "  %-11s %4d titles  accuracy %s%n", bandName(b), bands[b][0],
                        bands[b][0] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", ratio(bands[b][1], bands[b][0])));
            }
            System.out.printf(Locale.ROOT, "overlap with training: %d (close paraphrases, character-bigram Jaccard >= %.1f: %d)%n",
                    overlap[0], CLOSE, overlap[1]);
            System.out.println("worst confusions (gold → predicted):");
            confusions.entrySet().stream()
                    .sorted((a, b) -> b.getValue().size() != a.getValue().size() ? b.getValue().size() - a.getValue().size()
                            : a.getKey().compareTo(b.getKey()))
                    .limit(10)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %-9s %3d  e.g. %s%n", e.getKey(), e.getValue().size(),
                            String.join(" | ", e.getValue().subList(0, Math.min(2, e.getValue().size())))));
            if (confusions.isEmpty()) {
                System.out.println("  (none)");
            }
            if (listErrors) {
                System.out.println("all misses:");
                misses.forEach(m -> System.out.println("  " + m));
            }
        }
        return report;
    }

    /** Lower bounds of the confidence bands reported. */
    static final double[] BANDS = {0.0, 0.5, 0.7, 0.9, 0.97};

    static int band(double confidence) {
        int b = 0;
        while (b + 1 < BANDS.length && confidence >= BANDS[b + 1]) {
            b++;
        }
        return b;
    }

    static String bandName(int b) {
        return b + 1 < BANDS.length ? String.format(Locale.ROOT, "[%.2f,%.2f)", BANDS[b], BANDS[b + 1])
                : String.format(Locale.ROOT, "[%.2f,1.00]", BANDS[b]);
    }

    /** The real held-out titles: {@code real-heldout.tsv} on the test classpath. */
    public static List<TrainingData.Row> realHeldout() throws IOException {
        try (java.io.InputStream in = Evaluate.class.getClassLoader().getResourceAsStream(REAL_HELDOUT)) {
            if (in == null) {
                throw new IllegalStateException(REAL_HELDOUT + " missing from the test classpath");
            }
            return TrainingData.parse(new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)), REAL_HELDOUT);
        }
    }

    static final String REAL_HELDOUT = "real-heldout.tsv";

    /**
     * The figures on real titles only, never mixing in the titles written for training:
     * <ol>
     *   <li>the held-out real titles (schools that appear nowhere in training), classified by the model as shipped
     *       (written titles + real training titles + checklist texts), and for comparison by a model without the real
     *       training titles;</li>
     *   <li>k-fold cross-validation over all real titles, the folds split by school: each fold is classified by a model
     *       trained on the written titles, the checklist texts and the real titles of the other folds' schools.</li>
     * </ol>
     */
    static void real(boolean errors) throws IOException {
        List<TrainingData.Row> heldout = realHeldout();
        List<TrainingData.Row> all = TrainingData.files();
        List<TrainingData.Row> written = all.stream().filter(r -> !r.real()).toList();
        List<TrainingData.Row> realTrain = all.stream().filter(TrainingData.Row::real).toList();
        Checklist checklist = Checklist.national();
        List<TrainingData.Row> texts = TrainingData.checklistTexts(checklist);

        System.out.printf(Locale.ROOT, "== 1. real held-out titles (%d titles, %d schools; none of these schools in training) ==%n",
                heldout.size(), heldout.stream().map(TrainingData.Row::school).distinct().count());
        ChecklistClassifier shipped = ChecklistClassifier.load();
        System.out.printf(Locale.ROOT, "model as shipped: %d training rows (%d written titles, %d real titles, checklist texts)%n",
                shipped.trainingRows(), written.size(), realTrain.size());
        System.out.println(shipped.calibration().isIdentity() ? "confidence: raw (no calibration resource)"
                : "confidence: calibrated (" + io.xxgk.classify.model.Calibration.RESOURCE + ", fitted on out-of-fold predictions of the real training titles only)");
        List<Classification> shippedPred = new ArrayList<>();
        heldout.forEach(r -> shippedPred.add(shipped.classify(r.title(), null, r.department(), null, null)));
        report(checklist, heldout, shippedPred, overlapWithTraining(heldout, all), errors, true);
        holds(heldout, shippedPred, holdBelow());

        System.out.println();
        System.out.println("-- for comparison, without the real training titles (written titles + checklist texts only):");
        List<TrainingData.Row> base = new ArrayList<>(written);
        base.addAll(texts);
        ChecklistClassifier withoutReal = ChecklistClassifier.trainOn(base);
        List<Classification> p0 = new ArrayList<>();
        heldout.forEach(r -> p0.add(withoutReal.classify(r.title(), null, r.department(), null, null)));
        report(checklist, heldout, p0, overlapWithTraining(heldout, written), false, true);

        List<TrainingData.Row> real = new ArrayList<>(realTrain);
        real.addAll(heldout);
        int k = 5;
        List<List<TrainingData.Row>> folds = foldsBySchool(real, k);
        System.out.println();
        System.out.printf(Locale.ROOT, "== 2. %d-fold cross-validation over all %d real titles, folds split by school ==%n", k, real.size());
        List<TrainingData.Row> cvRows = new ArrayList<>();
        List<Classification> cvPred = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<TrainingData.Row> train = new ArrayList<>(base);
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    train.addAll(folds.get(g));
                }
            }
            ChecklistClassifier c = ChecklistClassifier.trainOn(train).withCalibration(shipped.calibration());
            int ok = 0;
            for (TrainingData.Row r : folds.get(f)) {
                Classification res = c.classify(r.title(), null, r.department(), null, null);
                cvRows.add(r);
                cvPred.add(res);
                ok += r.label().equals(res.checklistItem() == null ? TrainingData.NONE : res.checklistItem().toString()) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  fold %d: %d titles, %d schools, item accuracy %.3f%n", f + 1, folds.get(f).size(),
                    folds.get(f).stream().map(TrainingData.Row::school).distinct().count(), ratio(ok, folds.get(f).size()));
        }
        System.out.println("pooled over the folds:");
        report(checklist, cvRows, cvPred, new int[] {0, 0}, errors, true);
        System.out.println("(the calibration map was fitted on out-of-fold predictions of the real training titles, which are"
                + " most of these: the hold figures below are optimistic for them; section 1 is the fair measure)");
        holds(cvRows, cvPred, holdBelow());

        fields(checklist, heldout, shippedPred, shipped.usesDepartment(), base, folds, cvRows, cvPred);
    }

    /**
     * Section 3, what each field besides the title adds, on real titles only: the publishing department (known for a
     * real title from its page's host name, see {@link io.xxgk.classify.model.Departments}), measured by training the
     * model with and without it, on the held-out part and on the same school-split folds. Kind, body and the department's
     * checklist hint are not in the real data and cannot be measured; the section says so rather than make them up.
     */
    static void fields(Checklist checklist, List<TrainingData.Row> heldout, List<Classification> shippedPred,
                       boolean shippedUsesDepartment, List<TrainingData.Row> base, List<List<TrainingData.Row>> folds,
                       List<TrainingData.Row> cvRows, List<Classification> cvPred) {
        System.out.println();
        System.out.println("== 3. fields besides the title (ablation on real titles only) ==");
        long withDept = heldout.stream().filter(r -> r.department() != null).count();
        long cvWithDept = cvRows.stream().filter(r -> r.department() != null).count();
        System.out.printf(Locale.ROOT, "department (from the publishing page's host, e.g. jwc.* → 教务处): known for %d/%d held-out"
                + " and %d/%d of all real titles%n", withDept, heldout.size(), cvWithDept, cvRows.size());
        System.out.printf(Locale.ROOT, "kind, body, the department's checklist hint: in 0/%d real titles (the published lists give"
                + " title, page and date only) - not measurable on real data, so no figure is claimed for them%n", cvRows.size());
        boolean other = !shippedUsesDepartment;
        List<TrainingData.Row> full = new ArrayList<>(TrainingData.files());
        full.addAll(TrainingData.checklistTexts(checklist));
        ChecklistClassifier variant = ChecklistClassifier.trainOn(full, other);
        List<Classification> variantPred = new ArrayList<>();
        heldout.forEach(r -> variantPred.add(variant.classify(r.title(), null, r.department(), null, null)));
        List<Classification> titleOnly = other ? shippedPred : variantPred;
        List<Classification> plusDept = other ? variantPred : shippedPred;
        System.out.println("held-out part (" + heldout.size() + " titles):");
        fieldLine(checklist, "  title only", heldout, titleOnly);
        fieldLine(checklist, "  + department", heldout, plusDept);
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < heldout.size(); i++) {
            if (heldout.get(i).department() != null) {
                known.add(i);
            }
        }
        fieldLine(checklist, "  title only, titles with a known department", pick(heldout, known), pick(titleOnly, known));
        fieldLine(checklist, "  + department, titles with a known department", pick(heldout, known), pick(plusDept, known));

        List<Classification> cvVariant = new ArrayList<>();
        int k = folds.size();
        for (int f = 0; f < k; f++) {
            List<TrainingData.Row> train = new ArrayList<>(base);
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    train.addAll(folds.get(g));
                }
            }
            ChecklistClassifier c = ChecklistClassifier.trainOn(train, other);
            folds.get(f).forEach(r -> cvVariant.add(c.classify(r.title(), null, r.department(), null, null)));
        }
        System.out.println(k + "-fold cross-validation by school (" + cvRows.size() + " titles; the choice of the shipped setting"
                + " is made on these folds, never on the held-out part):");
        fieldLine(checklist, "  title only", cvRows, other ? cvPred : cvVariant);
        fieldLine(checklist, "  + department", cvRows, other ? cvVariant : cvPred);
        System.out.println("shipped: " + (shippedUsesDepartment ? "title + department" : "title only")
                + " (-Dxxgk.classify.department-feature=true|false)");
    }

    private static <T> List<T> pick(List<T> all, List<Integer> idx) {
        List<T> out = new ArrayList<>(idx.size());
        idx.forEach(i -> out.add(all.get(i)));
        return out;
    }

    private static void fieldLine(Checklist checklist, String name, List<TrainingData.Row> rows, List<Classification> pred) {
        Report r = report(checklist, rows, pred, new int[] {0, 0}, false, false);
        System.out.printf(Locale.ROOT, "%-50s item %.3f  category %.3f  none P/R %.3f/%.3f  macro-F1 %.3f  (%d titles)%n", name,
                r.itemAccuracy(), r.categoryAccuracy(), r.nonePrecision(), r.noneRecall(), r.macroF1(), r.n());
    }

    /** Thresholds reported besides the configured one. */
    static final double[] HOLD_SWEEP = {0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97};

    /**
     * What the hold threshold does to these titles: an item whose confidence is below it waits for a person (the service
     * also holds for other reasons - hint disagreement, personal data, attachments - which titles alone cannot show). Reports
     * the share held and the precision (item accuracy) of what passes unheld, at the configured threshold and a sweep.
     */
    static void holds(List<TrainingData.Row> rows, List<Classification> predictions, double configured) {
        System.out.printf(Locale.ROOT, "holds on confidence (xxgk.classify.hold-below = %.2f):%n", configured);
        holdLine(rows, predictions, configured, "  configured");
        for (double t : HOLD_SWEEP) {
            holdLine(rows, predictions, t, "  ");
        }
    }

    private static void holdLine(List<TrainingData.Row> rows, List<Classification> predictions, double t, String prefix) {
        int held = 0;
        int passed = 0;
        int passedRight = 0;
        for (int i = 0; i < rows.size(); i++) {
            Classification c = predictions.get(i);
            if (c.confidence() < t) {
                held++;
            } else {
                passed++;
                String pred = c.checklistItem() == null ? TrainingData.NONE : c.checklistItem().toString();
                passedRight += rows.get(i).label().equals(pred) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%-13s threshold %.2f: held %.3f (%d/%d), precision of what passes unheld %.3f (%d/%d, %d wrong)%n",
                prefix, t, ratio(held, rows.size()), held, rows.size(), ratio(passedRight, passed), passedRight, passed,
                passed - passedRight);
    }

    /** The service's hold threshold, {@code xxgk.classify.hold-below} of application.properties (0.5 if absent). */
    static double holdBelow() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Evaluate.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Double.parseDouble(p.getProperty("xxgk.classify.hold-below", "0.5").strip());
    }

    /** Splits rows into k folds of whole schools, largest school first into the smallest fold (deterministic). */
    static List<List<TrainingData.Row>> foldsBySchool(List<TrainingData.Row> rows, int k) {
        Map<String, List<TrainingData.Row>> bySchool = new TreeMap<>();
        rows.forEach(r -> bySchool.computeIfAbsent(r.school(), s -> new ArrayList<>()).add(r));
        List<List<TrainingData.Row>> schools = new ArrayList<>(bySchool.values());
        schools.sort((a, b) -> b.size() != a.size() ? b.size() - a.size() : a.get(0).school().compareTo(b.get(0).school()));
        List<List<TrainingData.Row>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        for (List<TrainingData.Row> school : schools) {
            List<TrainingData.Row> smallest = folds.get(0);
            for (List<TrainingData.Row> f : folds) {
                if (f.size() < smallest.size()) {
                    smallest = f;
                }
            }
            smallest.addAll(school);
        }
        return folds;
    }

    /** [exact, close]: evaluation titles equal to a training title, and those merely very similar to one. */
    public static int[] overlapWithTraining(List<TrainingData.Row> rows) {
        return overlapWithTraining(rows, TrainingData.files());
    }

    /** [exact, close] against the given training rows. */
    public static int[] overlapWithTraining(List<TrainingData.Row> rows, List<TrainingData.Row> training) {
        Set<String> exact = new HashSet<>();
        List<Set<String>> grams = new ArrayList<>(training.size());
        for (TrainingData.Row t : training) {
            exact.add(key(t.title()));
            grams.add(bigrams(t.title()));
        }
        int same = 0;
        int close = 0;
        for (TrainingData.Row r : rows) {
            if (exact.contains(key(r.title()))) {
                same++;
                continue;
            }
            Set<String> g = bigrams(r.title());
            for (Set<String> tg : grams) {
                if (jaccard(g, tg) >= CLOSE) {
                    close++;
                    break;
                }
            }
        }
        return new int[] {same, close};
    }

    static String key(String title) {
        return TitleFeatures.normalize(title).replaceAll("\\s+", "");
    }

    static Set<String> bigrams(String title) {
        String t = key(title);
        Set<String> s = new HashSet<>();
        for (int i = 0; i + 1 < t.length(); i++) {
            s.add(t.substring(i, i + 2));
        }
        return s;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int inter = 0;
        for (String x : a) {
            if (b.contains(x)) {
                inter++;
            }
        }
        return (double) inter / (a.size() + b.size() - inter);
    }

    private static String category(Checklist checklist, String label) {
        if (TrainingData.NONE.equals(label)) {
            return TrainingData.NONE;
        }
        return checklist.categoryOf(Integer.parseInt(label)).map(ChecklistCategory::number).map(String::valueOf).orElse("?");
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
