package io.xxgk.publish.service;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.school.SchoolKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * How far a school covers its checklist in a period: each item is NOT_APPLICABLE to this kind of school, PUBLISHED
 * (the caller says whether it has a published entry in the period) or MISSING. The catalogue, the statistics and the
 * province view all count coverage through this one rule.
 *
 * @param items         all items of the checklist
 * @param missingItems  applicable items without a published entry, in checklist order
 * @param statusByItem  the status of every item, in checklist order
 */
public record ChecklistCoverage(int items, int applicable, int published, int notApplicable, List<Integer> missingItems,
                                Map<Integer, Status> statusByItem) {

    public enum Status {
        PUBLISHED, MISSING, NOT_APPLICABLE
    }

    /** @param hasPublished whether a checklist item (by number) has a published entry in the period */
    public static ChecklistCoverage of(Checklist checklist, SchoolKind kind, IntPredicate hasPublished) {
        int items = 0;
        int applicable = 0;
        int published = 0;
        int notApplicable = 0;
        List<Integer> missing = new ArrayList<>();
        Map<Integer, Status> status = new LinkedHashMap<>();
        for (ChecklistCategory category : checklist.categories()) {
            for (ChecklistItem i : category.items()) {
                items++;
                Status s;
                if (!i.appliesTo(kind)) {
                    s = Status.NOT_APPLICABLE;
                    notApplicable++;
                } else if (hasPublished.test(i.number())) {
                    s = Status.PUBLISHED;
                    applicable++;
                    published++;
                } else {
                    s = Status.MISSING;
                    applicable++;
                    missing.add(i.number());
                }
                status.put(i.number(), s);
            }
        }
        return new ChecklistCoverage(items, applicable, published, notApplicable, List.copyOf(missing), status);
    }

    public int missing() {
        return missingItems.size();
    }

    /** published of applicable, in percent to one decimal. */
    public BigDecimal percent() {
        return Percent.of(published, applicable);
    }

    public Status status(int item) {
        return statusByItem.get(item);
    }
}
