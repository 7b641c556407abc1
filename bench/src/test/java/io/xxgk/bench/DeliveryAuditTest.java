package io.xxgk.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryAuditTest {

    /** Topic audits as KafkaWatch reads them: "school/id" → how often on the topic, and the decision header. */
    private static KafkaWatch.Audit topic(String school, Object... idCountDecision) {
        KafkaWatch.Audit a = new KafkaWatch.Audit();
        for (int i = 0; i < idCountDecision.length; i += 3) {
            String key = school + "/" + idCountDecision[i];
            a.count.put(key, (Integer) idCountDecision[i + 1]);
            if (idCountDecision[i + 2] != null) {
                a.decision.put(key, (String) idCountDecision[i + 2]);
            }
        }
        return a;
    }

    @Test
    void countsLostMissingResentRedeliveredAndNotPublishedPerPhase() {
        Set<String> accepted = Set.of("a", "b", "c", "d", "e");
        KafkaWatch.Audit submitted = topic("hnxx", "a", 2, null, "b", 1, null, "c", 1, null, "d", 1, null, "e", 1, null);
        // c never classified; b classified three times; d held
        KafkaWatch.Audit classified = topic("hnxx", "a", 1, "PUBLISH", "b", 3, "PUBLISH", "d", 1, "HOLD", "e", 1, "PUBLISH");

        DeliveryAudit.PhaseAudit p = DeliveryAudit.PhaseAudit.of("single", "hnxx", 5, 4, accepted, submitted, classified);

        assertEquals(new DeliveryAudit.PhaseAudit("single", 5, 4, 1, 0, 1, 1, 1, 1), p);
        assertArrayEquals(new Object[] {"single", "5", "4", "1", "0", "1", "1", "1", "1"}, p.cells());
    }

    @Test
    void moreVisibleThanAcceptedIsDuplicatedNotNegativeLost() {
        KafkaWatch.Audit submitted = topic("zzsz", "x", 1, null);
        KafkaWatch.Audit classified = topic("zzsz", "x", 1, "PUBLISH");

        DeliveryAudit.PhaseAudit p = DeliveryAudit.PhaseAudit.of("bulk", "zzsz", 1, 3, Set.of("x"), submitted, classified);

        assertEquals(0, p.lost());
        assertEquals(2, p.duplicated());
        assertEquals(0, p.missingOnTopic());
    }

    @Test
    void eventsOfAnotherSchoolDoNotCount() {
        KafkaWatch.Audit classified = topic("jclg", "x", 1, "PUBLISH");

        DeliveryAudit.PhaseAudit p = DeliveryAudit.PhaseAudit.of("batch", "zjjhk", 1, 1, Set.of("x"), new KafkaWatch.Audit(), classified);

        assertEquals(1, p.missingOnTopic());
    }

    @Test
    void totalsAddThePhasesAndTheEventSizeFallsBackToTheDefault() {
        DeliveryAudit audit = new DeliveryAudit(List.of(
                new DeliveryAudit.PhaseAudit("single", 10, 8, 2, 0, 0, 0, 0, 0),
                new DeliveryAudit.PhaseAudit("batch", 10, 13, 0, 3, 0, 0, 0, 0),
                new DeliveryAudit.PhaseAudit("bulk", 10, 9, 1, 0, 0, 0, 0, 0)), 600);
        assertEquals(3, audit.lost());
        assertEquals(3, audit.duplicated());

        KafkaWatch.Audit none = new KafkaWatch.Audit();
        assertEquals(DeliveryAudit.DEFAULT_EVENT_BYTES, DeliveryAudit.averageEventBytes(none));
        KafkaWatch.Audit some = new KafkaWatch.Audit();
        some.benchRecords = 4;
        some.benchValueBytes = 2_000;
        assertEquals(500.0, DeliveryAudit.averageEventBytes(some));
    }
}
