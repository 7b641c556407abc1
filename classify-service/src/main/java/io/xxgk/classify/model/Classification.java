package io.xxgk.classify.model;

/** The classifier's answer: a checklist item (or none), its category, how sure, and why. */
public record Classification(Integer checklistItem, Integer category, double confidence, String explanation) {

    public static Classification none(double confidence, String explanation) {
        return new Classification(null, null, confidence, explanation);
    }
}
