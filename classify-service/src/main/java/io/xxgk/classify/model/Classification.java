package io.xxgk.classify.model;

/**
 * The classifier's answer: a checklist item (or none), its category, how sure, and why; {@code modelVersion} is the
 * stored model that answered (null for a classifier that was not stored, e.g. in evaluation tools).
 */
public record Classification(Integer checklistItem, Integer category, double confidence, String explanation,
                             Integer modelVersion) {

    public Classification(Integer checklistItem, Integer category, double confidence, String explanation) {
        this(checklistItem, category, confidence, explanation, null);
    }

    public static Classification none(double confidence, String explanation) {
        return new Classification(null, null, confidence, explanation);
    }

    /** This answer, attributed to the stored model {@code version}. */
    public Classification byModel(int version) {
        return new Classification(checklistItem, category, confidence, explanation, version);
    }
}
