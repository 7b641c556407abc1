package io.xxgk.contract.checklist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A category (一 to 十) of the checklist with its items. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChecklistCategory(int number, String label, String name, List<ChecklistItem> items) {
    public ChecklistCategory {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
