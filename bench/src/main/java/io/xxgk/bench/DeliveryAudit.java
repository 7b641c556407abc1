package io.xxgk.bench;

import java.util.List;
import java.util.Set;

/**
 * Items lost or duplicated, per phase and in total. Lost = accepted − visible in the catalogue; duplicated =
 * visible − accepted (each phase has a school of its own). From the topics: accepted ids missing from the classified
 * topic, ids sent more than once to either topic (deduplicated downstream), and ids not decided PUBLISH.
 */
record DeliveryAudit(List<PhaseAudit> phases, double avgEventBytes) {

    /** The size of an ItemSubmitted event when none was read: the baseline's record size. */
    static final double DEFAULT_EVENT_BYTES = 600;

    record PhaseAudit(String phase, long accepted, long visible, long lost, long duplicated, long missingOnTopic,
                      long resubmitted, long redelivered, long notPublished) {

        /**
         * {@code visible}: the phase's items in the catalogue now; {@code ids}: the ids ingest accepted; the topic
         * audits count each "school/id" on the submitted and the classified topic.
         */
        static PhaseAudit of(String phase, String school, long accepted, long visible, Set<String> ids,
                             KafkaWatch.Audit submitted, KafkaWatch.Audit classified) {
            long missing = 0;
            long redelivered = 0;
            long resubmitted = 0;
            long notPublished = 0;
            for (String id : ids) {
                String k = school + "/" + id;
                Integer c = classified.count.get(k);
                if (c == null) {
                    missing++;
                } else {
                    if (c > 1) {
                        redelivered++;
                    }
                    if (!"PUBLISH".equals(classified.decision.get(k))) {
                        notPublished++;
                    }
                }
                Integer s = submitted.count.get(k);
                if (s != null && s > 1) {
                    resubmitted++;
                }
            }
            return new PhaseAudit(phase, accepted, visible, Math.max(0, accepted - visible), Math.max(0, visible - accepted),
                    missing, resubmitted, redelivered, notPublished);
        }

        /** The row of the report's table: phase, accepted, visible, lost, duplicated, missing, re-sent, redelivered, not PUBLISH. */
        Object[] cells() {
            return new Object[] {phase, Long.toString(accepted), Long.toString(visible), Long.toString(lost), Long.toString(duplicated),
                    Long.toString(missingOnTopic), Long.toString(resubmitted), Long.toString(redelivered), Long.toString(notPublished)};
        }
    }

    static double averageEventBytes(KafkaWatch.Audit submitted) {
        return submitted.benchRecords == 0 ? DEFAULT_EVENT_BYTES : (double) submitted.benchValueBytes / submitted.benchRecords;
    }

    long lost() {
        return phases.stream().mapToLong(PhaseAudit::lost).sum();
    }

    long duplicated() {
        return phases.stream().mapToLong(PhaseAudit::duplicated).sum();
    }
}
