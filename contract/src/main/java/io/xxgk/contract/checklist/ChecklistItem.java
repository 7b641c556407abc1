package io.xxgk.contract.checklist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.xxgk.contract.school.SchoolKind;

import java.util.List;
import java.util.Map;

/**
 * One of the 50 items. {@code appliesTo} empty means every kind of school; a variant may add a responsible
 * department, an update cadence and sub-items. {@code recurrence} says whether an entry stays in force (STANDING) or
 * each period needs its own (RECURRING); {@code cadence} when it is due; {@code textByKind} how a kind of school
 * names the item (a vocational college's 人才培养质量年度报告 for item 35).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChecklistItem(int number, String text, List<SchoolKind> appliesTo, String responsibleDepartment,
                            String updateCadence, List<String> subItems, Recurrence recurrence, Cadence cadence,
                            Map<SchoolKind, String> textByKind, String note) {

    public ChecklistItem {
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
        subItems = subItems == null ? List.of() : List.copyOf(subItems);
        textByKind = textByKind == null ? Map.of() : Map.copyOf(textByKind);
    }

    public boolean appliesTo(SchoolKind kind) {
        return appliesTo.isEmpty() || appliesTo.contains(kind);
    }

    /** The item's wording for this kind of school. */
    public String textFor(SchoolKind kind) {
        return kind == null ? text : textByKind.getOrDefault(kind, text);
    }

    public boolean standing() {
        return recurrence == Recurrence.STANDING;
    }

    /** The cadence's own words, else the variant's free-text update cadence. */
    public String cadenceText() {
        if (updateCadence != null) {
            return updateCadence;
        }
        return cadence == null ? null : cadence.text();
    }
}
