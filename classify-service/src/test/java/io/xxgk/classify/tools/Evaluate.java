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
import java.util.TreeSet;

/**
 * Evaluates {@link ChecklistClassifier} on a TSV file (title TAB checklist item, "-" for none; a header line is
 * allowed): accuracy on the item and on the category, precision and recall of "none", macro-F1 over the classes present
 * in the file, the worst confusions, and how many of the file's titles are also training titles.
 *
 * <p>Usage: {@code Evaluate file.tsv [--errors]} ({@code --errors} lists every miss with its explanation), or
 * {@code Evaluate --cv [k]}: k-fold cross-validation over the training files (default 5), a check of how well the
 * training data generalises within itself.
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

    /** Runs the classifier over {@code rows} and returns (and if {@code print}, prints) the figures. */
    public static Report evaluate(ChecklistClassifier classifier, List<TrainingData.Row> rows, boolean listErrors, boolean print) {
        Checklist checklist = classifier.checklist();
        int n = rows.size();
        int itemOk = 0;
        int catOk = 0;
        int predNone = 0;
        int goldNone = 0;
        int bothNone = 0;
        Map<String, int[]> perClass = new LinkedHashMap<>(); // tp, fp, fn
        Map<String, List<String>> confusions = new HashMap<>();
        List<String> misses = new ArrayList<>();
        for (TrainingData.Row row : rows) {
            Classification c = classifier.classify(row.title(), null, null, null, null);
            String gold = row.label();
            String pred = c.checklistItem() == null ? TrainingData.NONE : c.checklistItem().toString();
            if (gold.equals(pred)) {
                itemOk++;
            } else {
                confusions.computeIfAbsent(gold + " → " + pred, k -> new ArrayList<>()).add(row.title());
                misses.add(gold + " → " + pred + "\t" + row.title() + "\t" + c.explanation());
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
        int[] overlap = overlapWithTraining(rows);
        Report report = new Report(n, ratio(itemOk, n), ratio(catOk, n), ratio(bothNone, predNone), ratio(bothNone, goldNone),
                present.isEmpty() ? 0 : f1Sum / present.size(), present.size(), overlap[0], overlap[1]);
        if (print) {
            System.out.printf(Locale.ROOT, "titles: %d%n", n);
            System.out.printf(Locale.ROOT, "item accuracy: %.3f (%d/%d)%n", report.itemAccuracy(), itemOk, n);
            System.out.printf(Locale.ROOT, "category accuracy: %.3f (%d/%d)%n", report.categoryAccuracy(), catOk, n);
            System.out.printf(Locale.ROOT, "none precision: %.3f (%d/%d)  none recall: %.3f (%d/%d)%n",
                    report.nonePrecision(), bothNone, predNone, report.noneRecall(), bothNone, goldNone);
            System.out.printf(Locale.ROOT, "macro-F1 over %d classes present: %.3f%n", report.classes(), report.macroF1());
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

    /** [exact, close]: evaluation titles equal to a training title, and those merely very similar to one. */
    public static int[] overlapWithTraining(List<TrainingData.Row> rows) {
        List<TrainingData.Row> training = TrainingData.files();
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
