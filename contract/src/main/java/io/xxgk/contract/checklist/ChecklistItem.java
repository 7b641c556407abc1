package io.xxgk.contract.checklist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.xxgk.contract.school.SchoolKind;

import java.util.List;

/**
 * One of the 50 items. {@code appliesTo} empty means every kind of school; a variant may add a responsible
 * department, an update cadence and sub-items.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChecklistItem(int number, String text, List<SchoolKind> appliesTo, String responsibleDepartment,
                            String updateCadence, List<String> subItems) {

    public ChecklistItem {
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
        subItems = subItems == null ? List.of() : List.copyOf(subItems);
    }

    public boolean appliesTo(SchoolKind kind) {
        return appliesTo.isEmpty() || appliesTo.contains(kind);
    }
}
