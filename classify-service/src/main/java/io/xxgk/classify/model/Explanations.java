package io.xxgk.classify.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The explaining part of the checklist classifier: the short bilingual "why" of a decision. */
final class Explanations {

    private Explanations() {
    }

    /**
     * Why the model chose outcome {@code best}: the title words that weigh most for it, its probability, and what the
     * body, the model alone and the priors had to do with it.
     */
    static String ofModel(ChecklistModel model, String[] features, double[] p, int best, boolean usedBody,
                          double[] modelOnly, int modelBest, String priors) {
        String label = model.outcome(best);
        StringBuilder why = new StringBuilder("模型 model: ");
        String terms = topTerms(model, features, best);
        if (!terms.isEmpty()) {
            why.append(terms).append(' ');
        }
        why.append("→ ").append(TrainingData.NONE.equals(label) ? "无 none" : label)
                .append(String.format(Locale.ROOT, " (p=%.2f)", p[best]));
        if (usedBody) {
            why.append("; 含正文 with body");
        }
        if (best != modelBest) {
            why.append(String.format(Locale.ROOT, "; 标题模型原判 model alone: %s (p=%.2f)",
                    model.outcome(modelBest), modelOnly[modelBest]));
        }
        if (!priors.isEmpty()) {
            why.append("; ").append(priors);
        }
        return why.toString();
    }

    /**
     * {@code why} plus whether the department's hint agrees with {@code chosen}; a hint not followed shows the model's
     * own probability of it when {@code modelOnly} is known.
     */
    static String withHint(String why, Integer hint, String chosen, ChecklistModel model, double[] modelOnly) {
        StringBuilder explanation = new StringBuilder(why);
        if (hint != null) {
            String h = Integer.toString(hint);
            if (h.equals(chosen)) {
                explanation.append("; 部门提示 hint ").append(h).append(" 一致 agrees");
            } else {
                explanation.append("; 部门提示 hint ").append(h).append(" 未采纳 not followed");
                int idx = model.indexOf(h);
                if (modelOnly != null && idx >= 0) {
                    explanation.append(String.format(Locale.ROOT, " (p=%.2f)", modelOnly[idx]));
                }
            }
        }
        return explanation.toString();
    }

    /**
     * Up to three words of the title that weigh most for {@code outcome}: a word's weight is its own parameter plus those
     * of the character bigrams inside it. Falls back to bigrams when no segmented word carries positive weight.
     */
    static String topTerms(ChecklistModel model, String[] features, int outcome) {
        Map<String, Double> bigram = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (String f : features) {
            if (f.startsWith(TitleFeatures.WORD)) {
                words.add(f);
            } else if (f.startsWith(TitleFeatures.BIGRAM)) {
                bigram.put(TitleFeatures.term(f), model.weight(f, outcome));
            }
        }
        Map<String, Double> scored = new LinkedHashMap<>();
        for (String f : words) {
            String w = TitleFeatures.term(f);
            double score = model.weight(f, outcome);
            for (int i = 0; i + 1 < w.length(); i++) {
                score += bigram.getOrDefault(w.substring(i, i + 2), 0.0);
            }
            if (score > 0) {
                scored.merge(w, score, Math::max);
            }
        }
        if (scored.isEmpty()) {
            bigram.forEach((b, v) -> {
                if (v > 0) {
                    scored.put(b, v);
                }
            });
        }
        return scored.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(3)
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(" "));
    }
}
