package io.xxgk.contract.checklist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * When an item is due, as the checklist variant states it.
 * <ul>
 * <li>{@code ON_CHANGE}: within {@code workingDays} of being made or changed (standing rules); no date in a period.</li>
 * <li>{@code CONTINUOUS}: whenever something happens (procurement, recruitment), within {@code workingDays}; no date.</li>
 * <li>{@code ANNUAL}: once each period, no fixed date.</li>
 * <li>{@code ANNUAL_BY}: once each period, by the day {@code by} ("MM-dd"), e.g. 就业质量年度报告 by 12-31.</li>
 * <li>{@code AFTER_EVENT}: within {@code workingDays} working days of {@code event} (部门预算批复), which is expected on
 * {@code expectedEvent} ("MM-dd") of the period unless its real date is known.</li>
 * </ul>
 *
 * @param text how the variant words it, shown as is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cadence(Kind kind, String by, String event, String expectedEvent, Integer workingDays, String text) {

    public enum Kind {
        ON_CHANGE, CONTINUOUS, ANNUAL, ANNUAL_BY, AFTER_EVENT
    }

    public Cadence {
        if (kind == null) {
            throw new IllegalArgumentException("cadence needs a kind");
        }
        if (kind == Kind.ANNUAL_BY && by == null) {
            throw new IllegalArgumentException("an ANNUAL_BY cadence needs 'by' (MM-dd)");
        }
        if (kind == Kind.AFTER_EVENT && (expectedEvent == null || workingDays == null)) {
            throw new IllegalArgumentException("an AFTER_EVENT cadence needs 'expectedEvent' (MM-dd) and 'workingDays'");
        }
        if (by != null) {
            monthDay(by);
        }
        if (expectedEvent != null) {
            monthDay(expectedEvent);
        }
    }

    /**
     * The day in the period [{@code from}, {@code to}] (one year long) the deadline counts from: the fixed day of
     * ANNUAL_BY, the expected event of AFTER_EVENT; empty for the other kinds. Add {@link #workingDaysAfterAnchor()}.
     */
    public Optional<LocalDate> anchorIn(LocalDate from, LocalDate to) {
        String md = switch (kind) {
            case ANNUAL_BY -> by;
            case AFTER_EVENT -> expectedEvent;
            default -> null;
        };
        if (md == null) {
            return Optional.empty();
        }
        MonthDay day = monthDay(md);
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            LocalDate d = day.atYear(year);
            if (!d.isBefore(from) && !d.isAfter(to)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Working days between the anchor and the deadline: 0 for a fixed day. */
    public int workingDaysAfterAnchor() {
        return kind == Kind.AFTER_EVENT ? workingDays : 0;
    }

    private static MonthDay monthDay(String md) {
        return MonthDay.parse("--" + md);
    }
}
