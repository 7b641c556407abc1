package io.xxgk.classify.tools;

import io.xxgk.classify.model.ChecklistClassifier;
import io.xxgk.classify.model.TitleFeatures;
import io.xxgk.classify.model.TrainingData;
import io.xxgk.classify.model.Classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Single-thread throughput of {@link ChecklistClassifier#classify}, with two baselines measured in the same process:
 * smartcn segmentation alone, and a trivial regex pass. Usage: {@code ClassifierBenchmark [titles.tsv] [seconds]}
 * (default: the training titles, 3 s per measurement after a warm-up; three interleaved rounds, medians reported).
 */
public final class ClassifierBenchmark {

    private static final Pattern TRIVIAL = Pattern.compile("招标|预算|决算|招生|录取|专业");

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Evaluate.useJBossLogManager();
        List<String> titles = new ArrayList<>();
        if (args.length > 0) {
            try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
                TrainingData.parse(r, args[0]).forEach(row -> titles.add(row.title()));
            }
        } else {
            TrainingData.files().forEach(row -> titles.add(row.title()));
        }
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;

        long t0 = System.nanoTime();
        ChecklistClassifier classifier = ChecklistClassifier.load();
        System.out.printf(Locale.ROOT, "load (train on %d rows): %d ms; %d distinct titles%n", classifier.trainingRows(),
                (System.nanoTime() - t0) / 1_000_000, titles.size());

        ToIntFunction<String> classify = t -> {
            Classification c = classifier.classify(t, null, null, null, null);
            return c.checklistItem() == null ? 0 : c.checklistItem();
        };
        ToIntFunction<String> segment = t -> TitleFeatures.words(t).size();
        ToIntFunction<String> regex = t -> TRIVIAL.matcher(t).find() ? 1 : 0;

        // warm-up: let the JIT compile all three paths
        run(titles, classify, seconds);
        run(titles, segment, seconds / 2);
        run(titles, regex, seconds / 2);

        // measure in interleaved rounds so that a burst of load elsewhere on the machine hits all three alike; report medians
        int rounds = 3;
        double[] cls = new double[rounds];
        double[] seg = new double[rounds];
        double[] rx = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            cls[r] = run(titles, classify, seconds);
            seg[r] = run(titles, segment, seconds);
            rx[r] = run(titles, regex, seconds / 3);
        }
        double c = median(cls);
        double s = median(seg);
        double x = median(rx);
        System.out.printf(Locale.ROOT, "medians of %d rounds of %.1f s; system load average %.1f on %d cores%n", rounds, seconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "classify (one thread):        %,10.0f titles/s%n", c);
        System.out.printf(Locale.ROOT, "baseline segmentation alone:  %,10.0f titles/s  (classify/segmentation = %.2f)%n", s, c / s);
        System.out.printf(Locale.ROOT, "baseline trivial regex pass:  %,10.0f titles/s  (classify/regex = %.4f)%n", x, c / x);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Titles per second of {@code f} over {@code titles}, looping for about {@code seconds}. */
    static double run(List<String> titles, ToIntFunction<String> f, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long done = 0;
        int sink = 0;
        while (System.nanoTime() - start < budget) {
            for (String t : titles) {
                sink += f.applyAsInt(t);
            }
            done += titles.size();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return done / (elapsed / 1e9);
    }
}
