package io.xxgk.classify.model;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.event.ItemKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The checklist classifier: which of the 50 items of 《高等学校信息公开事项清单》 a title is (or none), with a
 * confidence and a short bilingual explanation.
 *
 * <p>How it decides, in order:
 * <ol>
 *   <li>an operator's correction for exactly this title (rows given to {@link #load(List)});</li>
 *   <li>a certain title rule ({@link ChecklistRules}), e.g. 招标公告 → 18, 部门决算 → 20;</li>
 *   <li>a maximum-entropy (multinomial logistic regression) model of Apache OpenNLP's doccat over smartcn words and
 *       character bigrams ({@link ChecklistModel}), trained at {@link #load()} from {@code training/*.tsv} and the
 *       checklist texts.</li>
 * </ol>
 * The confidence reported is calibrated ({@link Calibration}, fitted offline on out-of-fold predictions of the real
 * titles): for a rule's decision and for the model's top probability alike it estimates the chance that the answer is
 * right, so that one hold threshold means the same for both.
 *
 * <p>The declared {@link ItemKind} and the department's checklist-item hint only re-weight the model's probabilities
 * (weak priors, factors {@value #KIND_FACTOR} and {@value #HINT_FACTOR}): a confident model keeps its answer and the
 * explanation reports the hint it did not follow. The body is consulted only when the title alone leaves the model
 * unsure, and only to find an item (never to conclude "none").
 *
 * <p>The explanation is worded by {@link Explanations}. Immutable and thread-safe after loading.
 */
public final class ChecklistClassifier {

    static final double KIND_FACTOR = 1.5;
    static final double HINT_FACTOR = 2.5;
    /** Below this top probability on the title alone, the first part of the body is also read. */
    static final double BODY_BELOW = 0.5;
    static final int BODY_CHARS = 120;
    /**
     * What the rules and the model see of a title: its first 500 characters (a title is one line; anything longer is
     * not a title, and bounding it bounds the work of a hostile one).
     */
    public static final int TITLE_CHARS = 500;
    static final double RULE_CONFIDENCE = 0.97;
    static final double CORRECTION_CONFIDENCE = 0.99;
    /** Weight (repetitions) of an operator's correction row in training. */
    static final int EXTRA_ROW_WEIGHT = 3;

    private static final Map<ItemKind, Set<String>> KIND_ITEMS = kindItems();

    private final Checklist checklist;
    private final ChecklistModel model;
    private final Map<String, String> corrections;
    private final Calibration calibration;
    /** Whether the kind of the publishing department ({@link Departments}) is a model feature. */
    private final boolean department;

    /**
     * Whether new models use the publishing department as a feature ({@code xxgk.classify.department-feature}); the
     * choice was made on cross-validation folds of the real training titles, and evaluate.sh reports what it does on the
     * real held-out titles.
     */
    public static final boolean DEPARTMENT_FEATURE =
            Boolean.parseBoolean(System.getProperty("xxgk.classify.department-feature", "true"));

    private ChecklistClassifier(Checklist checklist, ChecklistModel model, Map<String, String> corrections,
                                Calibration calibration, boolean department) {
        this.department = department;
        this.checklist = checklist;
        this.model = model;
        this.corrections = Map.copyOf(corrections);
        this.calibration = calibration;
    }

    /** Trains on the training data of the classpath and the national checklist texts. */
    public static ChecklistClassifier load() {
        return load(List.of());
    }

    /**
     * Trains as {@link #load()} plus extra rows {title, "18" or "-"} (operators' corrections). Each extra row weighs
     * {@value #EXTRA_ROW_WEIGHT} ordinary rows, and a title equal to an extra row's title gets that row's label.
     */
    public static ChecklistClassifier load(List<String[]> extraRows) {
        Checklist checklist = Checklist.national();
        List<TrainingData.Row> rows = new ArrayList<>(TrainingData.files());
        rows.addAll(TrainingData.checklistTexts(checklist));
        Map<String, String> corrections = new HashMap<>();
        int i = 0;
        for (String[] r : extraRows == null ? List.<String[]>of() : extraRows) {
            i++;
            if (r == null || r.length < 2 || r[0] == null || r[0].isBlank() || r[1] == null) {
                throw new IllegalArgumentException("extra row " + i + ": expected {title, item or \"-\"}");
            }
            String label = TrainingData.checkLabel(r[1].strip(), "extra row " + i);
            for (int k = 0; k < EXTRA_ROW_WEIGHT; k++) {
                rows.add(new TrainingData.Row(head(r[0], TITLE_CHARS), label, "extra"));
            }
            corrections.put(TitleFeatures.normalize(head(r[0], TITLE_CHARS)), label);
        }
        return new ChecklistClassifier(checklist, ChecklistModel.train(rows, DEPARTMENT_FEATURE), corrections,
                Calibration.load(), DEPARTMENT_FEATURE);
    }

    /**
     * Trains on exactly {@code rows} (no checklist texts, no corrections, no calibration: raw confidences): for evaluation
     * tools such as cross-validation and the fitting of the calibration.
     */
    public static ChecklistClassifier trainOn(List<TrainingData.Row> rows) {
        return trainOn(rows, DEPARTMENT_FEATURE);
    }

    /** As {@link #trainOn(List)}, choosing whether the publishing department is a feature (for the ablation). */
    public static ChecklistClassifier trainOn(List<TrainingData.Row> rows, boolean department) {
        return new ChecklistClassifier(Checklist.national(), ChecklistModel.train(rows, department), Map.of(),
                Calibration.identity(), department);
    }

    /** Whether this classifier reads the publishing department. */
    public boolean usesDepartment() {
        return department;
    }

    /** The same trained model, reporting confidences through {@code calibration}. */
    public ChecklistClassifier withCalibration(Calibration calibration) {
        return new ChecklistClassifier(checklist, model, corrections, calibration, department);
    }

    public Calibration calibration() {
        return calibration;
    }

    /**
     * The version of what {@link #toBytes()} writes and of the features the stored model expects; a change of either
     * (e.g. a new feature) must change this, so that a replica never loads a model it would read wrongly.
     */
    public static final String FORMAT = "xxgk-checklist-classifier/1";

    /**
     * The trained classifier as bytes, to be stored once and loaded by every replica ({@link #fromBytes}): the model's
     * parameters, the operators' exact-title corrections and the number of training rows, in a zip. The calibration is
     * not included: it ships with the service, and {@link #dataDigest()} covers it.
     */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                entry(zip, "FORMAT", (FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
                entry(zip, "training-rows", (model.trainingRows() + "\n").getBytes(StandardCharsets.UTF_8));
                entry(zip, "features", ((department ? "title+department" : "title") + "\n").getBytes(StandardCharsets.UTF_8));
                StringBuilder c = new StringBuilder();
                new TreeMap<>(corrections).forEach((title, label) -> c.append(title.replace('\t', ' ').replace('\n', ' '))
                        .append('\t').append(label).append('\n'));
                entry(zip, "corrections.tsv", c.toString().getBytes(StandardCharsets.UTF_8));
                entry(zip, "model.bin", model.toBytes());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A classifier written by {@link #toBytes()}, reporting confidences through the shipped calibration.
     *
     * @throws IllegalArgumentException if the bytes are not such a classifier or of another {@link #FORMAT}
     */
    public static ChecklistClassifier fromBytes(byte[] bytes) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a stored classifier: " + e.getMessage(), e);
        }
        String format = entries.containsKey("FORMAT") ? new String(entries.get("FORMAT"), StandardCharsets.UTF_8).strip() : "";
        if (!FORMAT.equals(format) || !entries.containsKey("model.bin") || !entries.containsKey("training-rows")) {
            throw new IllegalArgumentException("not a stored classifier of format " + FORMAT + " (was \"" + format + "\")");
        }
        Map<String, String> corrections = new HashMap<>();
        String tsv = new String(entries.getOrDefault("corrections.tsv", new byte[0]), StandardCharsets.UTF_8);
        for (String line : tsv.split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                corrections.put(line.substring(0, tab), TrainingData.checkLabel(line.substring(tab + 1), "stored correction"));
            }
        }
        int rows = Integer.parseInt(new String(entries.get("training-rows"), StandardCharsets.UTF_8).strip());
        boolean department = "title+department".equals(
                new String(entries.getOrDefault("features", new byte[0]), StandardCharsets.UTF_8).strip());
        return new ChecklistClassifier(Checklist.national(), ChecklistModel.fromBytes(entries.get("model.bin"), rows),
                corrections, Calibration.load(), department);
    }

    /**
     * SHA-256 of what a trained model depends on besides the corrections: {@link #FORMAT}, the training files, the
     * checklist texts and the calibration. Replicas of one release share it; a release with other training data has
     * another, and trains its own model rather than loading one trained from other data.
     */
    public static String dataDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            sha.update((" department-feature=" + DEPARTMENT_FEATURE).getBytes(StandardCharsets.UTF_8));
            if (ChecklistModel.NONE_FACTOR != 1.0) {
                sha.update((" none-factor=" + ChecklistModel.NONE_FACTOR).getBytes(StandardCharsets.UTF_8));
            }
            if (ChecklistModel.REAL_WEIGHT != 1) {
                sha.update((" real-weight=" + ChecklistModel.REAL_WEIGHT).getBytes(StandardCharsets.UTF_8));
            }
            for (String f : TrainingData.FILES) {
                sha.update(("\0" + f + "\0").getBytes(StandardCharsets.UTF_8));
                sha.update(resource("training/" + f));
            }
            for (TrainingData.Row r : TrainingData.checklistTexts(Checklist.national())) {
                sha.update((r.title() + "\t" + r.label() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(resource(Calibration.RESOURCE));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many exact-title operator corrections this classifier answers from. */
    public int corrections() {
        return corrections.size();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // the same model gives the same bytes (and SHA-256), whenever it is written
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ChecklistClassifier.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many rows (including checklist texts and weighted extra rows) the model was trained on. */
    public int trainingRows() {
        return model.trainingRows();
    }

    public Checklist checklist() {
        return checklist;
    }

    /**
     * Classifies one item. Only {@code title} is required; {@code kind} and {@code hint} (the department's usual
     * checklist item, 1-50) are weak evidence; {@code department} is a model feature when {@link #usesDepartment()}.
     */
    public Classification classify(String title, String body, String department, ItemKind kind, Integer hint) {
        String t = TitleFeatures.normalize(head(title, TITLE_CHARS));
        Integer validHint = hint != null && hint >= 1 && hint <= 50 ? hint : null;

        String corrected = corrections.get(t);
        if (corrected != null) {
            return result(corrected, CORRECTION_CONFIDENCE, "人工更正 operator correction → " + corrected, validHint, corrected);
        }

        Optional<ChecklistRules.Hit> rule = ChecklistRules.match(t);
        if (rule.isPresent()) {
            ChecklistRules.Hit hit = rule.get();
            String label = hit.none() ? TrainingData.NONE : Integer.toString(hit.item());
            String why = "规则 rule: " + hit.why() + " 「" + hit.matched() + "」 → " + (hit.none() ? "无 none" : label);
            return result(label, calibration.rule(RULE_CONFIDENCE), why, validHint, label);
        }

        String dept = this.department ? Departments.ofName(department) : null;
        String[] features = TitleFeatures.features(t, dept);
        double[] p = model.eval(features);
        boolean usedBody = false;
        if (max(p) < BODY_BELOW && body != null && !body.isBlank()) {
            String b = TitleFeatures.normalize(head(body, 4 * BODY_CHARS));
            String[] withBody = TitleFeatures.features(t + " " + b.substring(0, Math.min(BODY_CHARS, b.length())), dept);
            double[] pb = model.eval(withBody);
            // the body may point to an item; it never talks an unsure title into "none" (bodies are wordy, titles are not)
            if (!TrainingData.NONE.equals(model.outcome(argmax(pb))) && max(pb) > max(p)) {
                p = pb;
                features = withBody;
                usedBody = true;
            }
        }
        double[] modelOnly = p.clone();
        String priors = applyPriors(p, kind, validHint);
        int best = argmax(p);
        String label = model.outcome(best);
        int modelBest = argmax(modelOnly);
        String why = Explanations.ofModel(model, features, p, best, usedBody, modelOnly, modelBest, priors);
        return result(label, calibration.model(p[best]), why, validHint, label, modelOnly);
    }

    /** The first {@code max} characters of {@code s} (never splitting a surrogate pair); null stays null. */
    public static String head(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private Classification result(String label, double confidence, String why, Integer hint, String chosen) {
        return result(label, confidence, why, hint, chosen, null);
    }

    private Classification result(String label, double confidence, String why, Integer hint, String chosen,
                                  double[] modelOnly) {
        String explanation = Explanations.withHint(why, hint, chosen, model, modelOnly);
        double c = Math.max(0.0, Math.min(1.0, confidence));
        if (TrainingData.NONE.equals(label)) {
            return Classification.none(c, explanation);
        }
        int item = Integer.parseInt(label);
        Integer category = checklist.categoryOf(item).map(ChecklistCategory::number).orElse(null);
        return new Classification(item, category, c, explanation);
    }

    /** Multiplies the kind's items and the hinted item by their factors and renormalizes; returns a note of what it did. */
    private String applyPriors(double[] p, ItemKind kind, Integer hint) {
        List<String> notes = new ArrayList<>(2);
        Set<String> kindItems = kind == null ? Set.of() : KIND_ITEMS.getOrDefault(kind, Set.of());
        if (!kindItems.isEmpty()) {
            for (int i = 0; i < p.length; i++) {
                if (kindItems.contains(model.outcome(i))) {
                    p[i] *= KIND_FACTOR;
                }
            }
            notes.add("类型 kind " + kind.name());
        }
        if (hint != null) {
            int idx = model.indexOf(Integer.toString(hint));
            if (idx >= 0) {
                p[idx] *= HINT_FACTOR;
            }
        }
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        if (sum > 0) {
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
        }
        return String.join("; ", notes);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double max(double[] p) {
        return p[argmax(p)];
    }

    private static Map<ItemKind, Set<String>> kindItems() {
        Map<ItemKind, Set<String>> m = new EnumMap<>(ItemKind.class);
        m.put(ItemKind.PROCUREMENT_NOTICE, Set.of("18"));
        m.put(ItemKind.TENDER_RESULT, Set.of("18"));
        m.put(ItemKind.BUDGET, Set.of("19"));
        m.put(ItemKind.FINAL_ACCOUNT, Set.of("20"));
        m.put(ItemKind.FEE_SCHEDULE, Set.of("21"));
        m.put(ItemKind.ENROLLMENT_PLAN, Set.of("7", "11"));
        m.put(ItemKind.ADMISSION_RESULT, Set.of("8", "9", "12", "13"));
        m.put(ItemKind.EMPLOYMENT, Set.of("31", "32", "33"));
        m.put(ItemKind.RECRUITMENT, Set.of("25"));
        m.put(ItemKind.CADRE_APPOINTMENT, Set.of("25"));
        m.put(ItemKind.RULE, Set.of("2", "15", "24", "26", "36", "37", "38", "39", "41", "42", "43", "48"));
        m.put(ItemKind.PLAN_REPORT, Set.of("3", "4", "5", "6", "33", "34", "35"));
        m.put(ItemKind.TEACHING, Set.of("27", "28", "29", "30", "35"));
        m.put(ItemKind.NEWS, Set.of(TrainingData.NONE));
        return m;
    }
}
