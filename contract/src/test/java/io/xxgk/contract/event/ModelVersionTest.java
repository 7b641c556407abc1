package io.xxgk.contract.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classifier model version travels in ItemClassified as an optional field; events without it are still read. */
class ModelVersionTest {

    static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void theVersionTravelsAndSurvivesAReviewersChange() {
        ItemClassified c = ItemClassified.builder().itemId("a").revision(1).schoolCode("14531").title("t")
                .decision(Decision.HOLD).confidence(0.4).classifiedAt(AT).modelVersion(7).build();
        String json = EventCodec.encode(c);
        assertTrue(json.contains("\"modelVersion\":7"), json);
        assertEquals(7, EventCodec.decode(json, ItemClassified.class).modelVersion());
        assertEquals(7, c.toBuilder().checklistItem(30).decision(Decision.PUBLISH).build().modelVersion(),
                "a person's decision on the item keeps the version that classified it");
    }

    @Test
    void anEventWrittenBeforeVersionsIsReadWithout() {
        ItemClassified c = ItemClassified.builder().itemId("a").revision(1).schoolCode("14531").title("t")
                .decision(Decision.PUBLISH).confidence(0.9).classifiedAt(AT).build();
        String old = EventCodec.encode(c).replace(",\"modelVersion\":null", "").replace("\"modelVersion\":null,", "");
        assertTrue(!old.contains("modelVersion"), old);
        ItemClassified read = ItemClassified.decodeComplete(old);
        assertNull(read.modelVersion());
        assertEquals(c, read);
    }
}
