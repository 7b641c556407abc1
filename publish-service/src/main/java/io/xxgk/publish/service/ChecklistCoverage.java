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
 * How far a school covers its checklist in a period: "is it public now". The catalogue, the statistics, the draft
 * report, the province view and the console's coverage all count through this one rule. Each item is
 * <ul>
 * <li>NOT_APPLICABLE: not for this kind of school (the checklist says so), or marked 本校不涉及 by the school with a
 * reason; it leaves the denominator;</li>
 * <li>PUBLISHED: it has a published entry in the period;</li>
 * <li>STANDING: a standing item (a rule in force, e.g. 章程, 学籍管理办法) published before the period and neither
 * withdrawn nor replaced since — it counts as covered;</li>
 * <li>MISSING: none of these. A recurring item (budget, quality report) published only in earlier periods is
 * missing: each period needs its own entry.</li>
 * </ul>
 *
 * @param items          all items of the checklist
 * @param applicable     items less the not applicable ones (by kind of school and 不涉及)
 * @param published      applicable items with an entry in the period
 * @param standing       standing items in force from an earlier period
 * @param notApplicable  not applicable by kind of school plus 不涉及
 * @param missingItems   applicable items neither published nor standing, in checklist order
 * @param standingItems  the standing ones, in checklist order
 * @param statusByItem   the status of every item, in checklist order
 * @param reasons        why an item is NOT_APPLICABLE (the school's reason for 不涉及, or the kind of school)
 */
public record ChecklistCoverage(int items, int applicable, int published, int standing, int notApplicable,
                                int notApplicableBySchool, List<Integer> missingItems, List<Integer> standingItems,
                                Map<Integer, Status> statusByItem, Map<Integer, String> reasons) {

    public enum Status {
        PUBLISHED("已公开"), STANDING("现行有效"), MISSING("未公开"), NOT_APPLICABLE("不涉及");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param inPeriod        whether an item (by number) has a published entry in the period
     * @param publishedBefore whether it has a published entry (still published: not withdrawn) dated before the period
     * @param notConcerned    the school's 不涉及 marks: item number → reason
     */
    public static ChecklistCoverage of(Checklist checklist, SchoolKind kind, IntPredicate inPeriod, IntPredicate publishedBefore,
                                       Map<Integer, String> notConcerned) {
        int items = 0;
        int applicable = 0;
        int published = 0;
        int standing = 0;
        int notApplicable = 0;
        int bySchool = 0;
        List<Integer> missing = new ArrayList<>();
        List<Integer> standingItems = new ArrayList<>();
        Map<Integer, Status> status = new LinkedHashMap<>();
        Map<Integer, String> reasons = new LinkedHashMap<>();
        for (ChecklistCategory category : checklist.categories()) {
            for (ChecklistItem i : category.items()) {
                items++;
                int n = i.number();
                Status s;
                if (!i.appliesTo(kind)) {
                    s = Status.NOT_APPLICABLE;
                    reasons.put(n, "不适用于" + kind.label());
                } else if (inPeriod.test(n)) {
                    s = Status.PUBLISHED;
                } else if (notConcerned.containsKey(n)) {
                    s = Status.NOT_APPLICABLE;
                    reasons.put(n, notConcerned.get(n));
                    bySchool++;
                } else if (i.standing() && publishedBefore.test(n)) {
                    s = Status.STANDING;
                } else {
                    s = Status.MISSING;
                }
                switch (s) {
                    case NOT_APPLICABLE -> notApplicable++;
                    case PUBLISHED -> published++;
                    case STANDING -> {
                        standing++;
                        standingItems.add(n);
                    }
                    case MISSING -> missing.add(n);
                }
                if (s != Status.NOT_APPLICABLE) {
                    applicable++;
                }
                status.put(n, s);
            }
        }
        return new ChecklistCoverage(items, applicable, published, standing, notApplicable, bySchool, List.copyOf(missing),
                List.copyOf(standingItems), status, reasons);
    }

    public int missing() {
        return missingItems.size();
    }

    /** Published in the period or standing. */
    public int covered() {
        return published + standing;
    }

    /** covered of applicable, in percent to one decimal. */
    public BigDecimal percent() {
        return Percent.of(covered(), applicable);
    }

    public Status status(int item) {
        return statusByItem.get(item);
    }

    /** Why the item is NOT_APPLICABLE, else null. */
    public String reason(int item) {
        return reasons.get(item);
    }
}
