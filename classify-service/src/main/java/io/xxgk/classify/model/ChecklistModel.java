package io.xxgk.classify.model;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training part of the checklist classifier: a maximum-entropy (multinomial logistic regression) model of Apache
 * OpenNLP's doccat over {@link TitleFeatures}, trained from labelled rows, with read access to its outcomes and
 * parameters (for the explanations). Immutable and thread-safe after training.
 */
public final class ChecklistModel {

    /** GIS iterations: held-out accuracy is flat from about 50 on; 100 keeps training near half a second. */
    static final int ITERATIONS = 100;

    /**
     * Prior weight of "none" against the 50 items: the model's probability of {@link TrainingData#NONE} is multiplied by
     * this and the distribution renormalised. Most of the written training titles are checklist items while most of what
     * schools publish is news, so the maximum-entropy fit underrates "none"; the value was chosen by 5-fold
     * cross-validation by school over the real training titles only ({@code evaluate.sh --cv-train}), never on the
     * held-out part. {@code xxgk.classify.none-factor} overrides it (for that cross-validation).
     */
    static final double NONE_FACTOR_DEFAULT = 1.75;

    /**
     * How many times a real title (published by a school, {@link TrainingData.Row#real()}) counts in training against
     * once for a written one; chosen like {@link #NONE_FACTOR} on cross-validation of the real training titles.
     */
    static final int REAL_WEIGHT = Integer.getInteger("xxgk.classify.real-weight", 1);
    static final double NONE_FACTOR =
            Double.parseDouble(System.getProperty("xxgk.classify.none-factor", Double.toString(NONE_FACTOR_DEFAULT)));

    /**
     * OpenNLP logs every training iteration at INFO (about 120 lines per training). Unless a level has been configured for
     * them (e.g. quarkus.log.category."opennlp".level), they are lowered to WARNING. Strong references: JUL forgets the
     * level of a logger nobody holds.
     */
    private static final List<java.util.logging.Logger> QUIET = quietTrainingLogs();

    private final MaxentModel model;
    private final Map<String, Context> parameters;
    private final String[] outcomes;
    private final int trainingRows;
    private final int noneIndex;

    private ChecklistModel(MaxentModel model, int trainingRows) {
        this.model = model;
        this.trainingRows = trainingRows;
        this.outcomes = new String[model.getNumOutcomes()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = model.getOutcome(i);
        }
        Map<String, Context> p = Map.of();
        if (model instanceof AbstractModel am) {
            Object[] data = am.getDataStructures();
            if (data.length > 1 && data[1] instanceof Map<?, ?> pmap) {
                Map<String, Context> copy = new HashMap<>();
                pmap.forEach((k, v) -> {
                    if (k instanceof String s && v instanceof Context c) {
                        copy.put(s, c);
                    }
                });
                p = copy;
            }
        }
        this.parameters = p;
        this.noneIndex = indexOf(TrainingData.NONE);
    }

    /** Trains on exactly {@code rows}; with {@code department}, each row's {@link TrainingData.Row#department()} is a feature. */
    static ChecklistModel train(List<TrainingData.Row> rows, boolean department) {
        return new ChecklistModel(maxent(rows, department), rows.size());
    }

    /** The trained parameters in OpenNLP's binary model format (what {@link #fromBytes} reads). */
    byte[] toBytes() {
        if (!(model instanceof AbstractModel am)) {
            throw new IllegalStateException("not a serializable model: " + model.getClass().getName());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            new GenericModelWriter(am, new DataOutputStream(out)).persist();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model written by {@link #toBytes()}; {@code trainingRows} is reported as it was when it was trained. */
    static ChecklistModel fromBytes(byte[] bytes, int trainingRows) {
        try {
            return new ChecklistModel(new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes))).getModel(),
                    trainingRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<java.util.logging.Logger> quietTrainingLogs() {
        List<java.util.logging.Logger> quiet = new ArrayList<>();
        for (String name : List.of("opennlp.tools.ml", "opennlp.tools.monitoring")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            if (logger.getLevel() == null && java.util.logging.Logger.getLogger("opennlp").getLevel() == null) {
                logger.setLevel(java.util.logging.Level.WARNING);
            }
            quiet.add(logger);
        }
        return List.copyOf(quiet);
    }

    private static MaxentModel maxent(List<TrainingData.Row> rows, boolean department) {
        // segmentation dominates; it is thread-safe, so the rows are segmented in parallel (order is kept)
        List<DocumentSample> once = rows.parallelStream()
                .map(r -> new DocumentSample(r.label(), TitleFeatures.features(r.title(), department ? r.department() : null)))
                .toList();
        List<DocumentSample> samples = new ArrayList<>(once.size());
        for (int i = 0; i < once.size(); i++) {
            int copies = rows.get(i).real() ? REAL_WEIGHT : 1;
            for (int c = 0; c < copies; c++) {
                samples.add(once.get(i));
            }
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, System.getProperty("xxgk.classify.algorithm", "MAXENT"));
        params.put(TrainingParameters.ITERATIONS_PARAM, Integer.getInteger("xxgk.classify.iterations", ITERATIONS));
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, Integer.getInteger("xxgk.classify.threads", 1));
        params.put("DataIndexer", "OnePass"); // in memory; the default TwoPass indexer spills events to a temporary file
        // Gaussian prior on the weights (L2 regularisation); sigma 1 did best in 5-fold CV (0.5: worse, 2: worse, none: worse)
        String sigma = System.getProperty("xxgk.classify.sigma", "1.0");
        if (!sigma.isBlank() && Double.parseDouble(sigma) > 0) {
            params.put("GaussianSmoothing", true);
            params.put("GaussianSmoothingSigma", Double.parseDouble(sigma));
        }
        try {
            DoccatModel doccat = DocumentCategorizerME.train("zh", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {new GivenFeatures()}));
            return doccat.getMaxentModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The features are computed by {@link TitleFeatures}; doccat gets them as its "tokens" and keeps them as they are. */
    public static final class GivenFeatures implements FeatureGenerator {
        @Override
        public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
            return Arrays.asList(text);
        }
    }

    /** How many rows the model was trained on. */
    int trainingRows() {
        return trainingRows;
    }

    /**
     * The probability of each outcome (indexed as {@link #outcome(int)}) given the features, with "none" weighted by
     * {@link #NONE_FACTOR}.
     */
    double[] eval(String[] features) {
        double[] p = model.eval(features);
        if (noneIndex >= 0 && NONE_FACTOR != 1.0) {
            p[noneIndex] *= NONE_FACTOR;
            double sum = 0;
            for (double v : p) {
                sum += v;
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
        }
        return p;
    }

    /** The label of outcome {@code i}: a checklist item "1".."50" or {@link TrainingData#NONE}. */
    String outcome(int i) {
        return outcomes[i];
    }

    int indexOf(String outcome) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].equals(outcome)) {
                return i;
            }
        }
        return -1;
    }

    /** The model parameter of {@code feature} for {@code outcome}, 0 if it has none. */
    double weight(String feature, int outcome) {
        Context c = parameters.get(feature);
        if (c == null) {
            return 0;
        }
        int[] os = c.getOutcomes();
        for (int k = 0; k < os.length; k++) {
            if (os[k] == outcome) {
                return c.getParameters()[k];
            }
        }
        return 0;
    }
}
