package io.xxgk.contract.event;

import io.xxgk.contract.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloudEventHeadersTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void aClassifiedEventCarriesEveryRequiredAttributeAndItsTime() {
        ItemClassified c = ItemClassified.builder().itemId("zzsf-0001").revision(2).schoolCode("14531").department("财务处")
                .title("2026年部门预算").kind(ItemKind.BUDGET).producedDate(LocalDate.of(2026, 3, 1)).checklistItem(12)
                .category(3).confidence(0.97).decision(Decision.PUBLISH).classifiedAt(AT).build();
        Map<String, String> h = CloudEventHeaders.of(c);
        assertEquals("1.0", h.get(Topics.CE_SPECVERSION));
        assertEquals("zzsf-0001#r2", h.get(Topics.CE_ID));
        assertEquals(ItemClassified.CLOUD_EVENT_TYPE, h.get(Topics.CE_TYPE));
        assertEquals("/schools/14531", h.get(Topics.CE_SOURCE));
        assertEquals("2026-03-01T08:00:00Z", h.get(CloudEventHeaders.CE_TIME));
        assertEquals("PUBLISH", h.get(CloudEventHeaders.DECISION));
        assertEquals("application/json; charset=UTF-8", h.get(CloudEventHeaders.CONTENT_TYPE));
    }

    @Test
    void aFirstRevisionIsIdentifiedByTheItemIdAloneAndKafkaHeadersAreUtf8() {
        ItemSubmitted s = ItemSubmitted.builder().itemId("招标-01").revision(1).action(ItemAction.SUBMIT).schoolCode("14531")
                .department("采购与招标管理处").title("公开招标公告").kind(ItemKind.PROCUREMENT_NOTICE).submittedAt(AT).build();
        Map<String, String> h = CloudEventHeaders.of(s);
        assertEquals("招标-01", h.get(Topics.CE_ID));
        assertEquals("1", h.get(CloudEventHeaders.REVISION));
        assertEquals(ItemSubmitted.SCHEMA_VERSION, s.schemaVersion());
        assertEquals("招标-01", new String(CloudEventHeaders.toKafka(h).lastHeader(Topics.CE_ID).value(), StandardCharsets.UTF_8));
    }

    @Test
    void toBuilderChangesOnlyWhatIsNamed() {
        ItemClassified c = ItemClassified.builder().itemId("a").revision(1).schoolCode("14531").title("t")
                .decision(Decision.HOLD).confidence(0.4).classifiedAt(AT).build();
        ItemClassified corrected = c.toBuilder().checklistItem(7).category(2).decision(Decision.PUBLISH).build();
        assertEquals(new ItemClassified(c.schemaVersion(), "a", 1, "14531", null, "t", null, null, null, null, List.of(), null,
                7, 2, 0.4, null, Decision.PUBLISH, List.of(), false, null, List.of(), AT, null), corrected);
    }
}
