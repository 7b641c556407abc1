package io.xxgk.classify.service;

import io.xxgk.classify.model.Classification;
import io.xxgk.contract.event.ItemKind;

/** Places a title in the checklist (1-50) or in none. */
public interface ItemClassifier {
    Classification classify(String title, String body, String department, ItemKind kind, Integer hint);
}
