package io.xxgk.publish.repository.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one catalogue entry adds to the maintained counts of V13 (nothing when its status is not counted): the one
 * place that says how an entry is counted, used both when an entry changes and when the counts are rebuilt.
 *
 * @param counts   its rows of statistics_entry_count (one per dimension)
 * @param channels its rows of statistics_channel_count (PUBLISHED only; each distinct channel once)
 * @param delays   its rows of statistics_delay_count (PUBLISHED only)
 */
public record EntryFacts(List<CountKey> counts, List<ChannelKey> channels, List<DelayKey> delays) {

    public static final String TOTAL = "TOTAL";
    public static final String KIND = "KIND";
    public static final String CATEGORY = "CATEGORY";
    public static final String CHECKLIST_ITEM = "CHECKLIST_ITEM";
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String ON_CHANNEL = "ON_CHANNEL";
    public static final String REASON = "REASON";

    public static final String DECLARED_LISTED = "DECLARED_LISTED";
    public static final String DECLARED_UNLISTED = "DECLARED_UNLISTED";
    public static final String SYSTEM = "SYSTEM";
    public static final String REVISION = "REVISION";

    /** The school's day of an instant, as the statistics read made_public_at. */
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

    /** value: null for TOTAL and ON_CHANNEL, and where the column is null. */
    public record CountKey(String school, LocalDate month, String status, String dimension, String value) {
    }

    public record ChannelKey(String school, LocalDate month, String channel, String kind) {
    }

    /** workingDays null (declared, system) or -1 (revision): unknown. */
    public record DelayKey(String school, LocalDate month, String measure, Integer workingDays) {
    }

    /** The columns of catalogue_entry the counts depend on. */
    public record Row(String school, String status, LocalDate producedDate, LocalDate publishedDate, String kind,
                      Integer category, Integer checklistItem, String department, String withholdReason, String channels,
                      int revision, LocalDate revisedOn, LocalDate originalProducedDate, LocalDate originalPublishedDate,
                      Instant originalMadePublicAt, Instant madePublicAt) {
    }

    /** @return null when the entry is not counted (HELD, WITHDRAWN) */
    public static EntryFacts of(Row r, WorkingDayArithmetic days) {
        boolean published = "PUBLISHED".equals(r.status());
        if (!published && !"WITHHELD".equals(r.status()) && !"INTERNAL".equals(r.status())) {
            return null;
        }
        LocalDate itemDate = r.publishedDate() != null ? r.publishedDate() : r.producedDate();
        LocalDate month = itemDate.withDayOfMonth(1);
        Set<String> named = new LinkedHashSet<>();
        if (r.channels() != null) {
            for (String ch : r.channels().split(",", -1)) {
                if (!ch.isEmpty()) {
                    named.add(ch);
                }
            }
        }
        List<CountKey> counts = new ArrayList<>(6);
        counts.add(new CountKey(r.school(), month, r.status(), TOTAL, null));
        if ("WITHHELD".equals(r.status())) {
            counts.add(new CountKey(r.school(), month, r.status(), REASON, r.withholdReason()));
        }
        if (!published) {
            return new EntryFacts(counts, List.of(), List.of());
        }
        counts.add(new CountKey(r.school(), month, r.status(), KIND, r.kind()));
        counts.add(new CountKey(r.school(), month, r.status(), CATEGORY, r.category() == null ? null : r.category().toString()));
        counts.add(new CountKey(r.school(), month, r.status(), CHECKLIST_ITEM,
                r.checklistItem() == null ? null : r.checklistItem().toString()));
        counts.add(new CountKey(r.school(), month, r.status(), DEPARTMENT, r.department()));
        if (!named.isEmpty()) {
            counts.add(new CountKey(r.school(), month, r.status(), ON_CHANNEL, null));
        }
        List<ChannelKey> channels = new ArrayList<>();
        for (String ch : named) {
            channels.add(new ChannelKey(r.school(), month, ch, r.kind()));
        }
        // the first publication's dates (the originals, once recorded), as StatisticsQueries has always measured them
        LocalDate produced = r.originalProducedDate() != null ? r.originalProducedDate() : r.producedDate();
        LocalDate declaredPublished = r.originalProducedDate() == null ? r.publishedDate() : r.originalPublishedDate();
        LocalDate shown = r.originalMadePublicAt() == null ? null : LocalDate.ofInstant(r.originalMadePublicAt(), SCHOOL_ZONE);
        List<DelayKey> delays = new ArrayList<>(3);
        delays.add(new DelayKey(r.school(), month, r.checklistItem() != null ? DECLARED_LISTED : DECLARED_UNLISTED,
                declaredPublished == null ? null : days.between(produced, declaredPublished)));
        delays.add(new DelayKey(r.school(), month, SYSTEM, shown == null ? null : days.between(produced, shown)));
        if (r.revision() != 1) {
            Integer revisionDays = r.revisedOn() == null || r.madePublicAt() == null ? -1
                    : days.between(r.revisedOn(), LocalDate.ofInstant(r.madePublicAt(), SCHOOL_ZONE));
            delays.add(new DelayKey(r.school(), month, REVISION, revisionDays));
        }
        return new EntryFacts(counts, channels, delays);
    }
}
