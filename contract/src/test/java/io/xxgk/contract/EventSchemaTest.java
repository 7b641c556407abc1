package io.xxgk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The documented JSON schemas and the records on the wire must agree. */
class EventSchemaTest {

    static Set<ValidationMessage> validate(String schema, Object event) throws Exception {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream("xxgk/schemas/" + schema)) {
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(event));
            return s.validate(json);
        }
    }

    static final AttachmentRef PDF = new AttachmentRef("sha256/" + "a".repeat(64), "招标文件.pdf", "application/pdf", 1234, "a".repeat(64));

    @Test
    void submittedEventsMatchTheirSchema() throws Exception {
        ItemSubmitted e = new ItemSubmitted(1, "cg-1", 2, ItemAction.REVISE, "zzsz", "采购与招标管理处", "2025年水电耗材采购招标公告",
                null, ItemKind.PROCUREMENT_NOTICE, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 5), List.of(Channel.WEBSITE),
                "https://www.example.edu.cn/a.htm", 18, false, null, null, List.of(PDF), Instant.now());
        assertEquals(Set.of(), validate("item-submitted.v1.json", e));
    }

    @Test
    void classifiedEventsMatchTheirSchema() throws Exception {
        ItemClassified e = new ItemClassified(1, "cg-1", 1, "zzsz", "招生就业处", "2025年录取名单", "张三 4301**********1234", ItemKind.ADMISSION_RESULT,
                LocalDate.of(2025, 7, 20), null, List.of(Channel.WEBSITE, Channel.WECHAT), null, 9, 2, 0.93, "模型", Decision.HOLD,
                List.of("PERSONAL_DATA"), true, null, List.of(), Instant.now());
        assertEquals(Set.of(), validate("item-classified.v1.json", e));
    }

    @Test
    void requestEventsMatchTheirSchema() throws Exception {
        DisclosureRequestEvent e = new DisclosureRequestEvent(1, "ysq-1", 1, "zjjhk", DisclosureRequestEvent.RecordType.APPLICATION,
                LocalDate.of(2025, 3, 10), DisclosureRequestEvent.ApplicantType.NATURAL_PERSON, "收费标准",
                DisclosureRequestEvent.AnswerType.DISCLOSED, LocalDate.of(2025, 3, 20), BigDecimal.ZERO, null, Instant.now());
        assertEquals(Set.of(), validate("request-recorded.v1.json", e));
    }

    @Test
    void theSchemaRejectsWhatTheContractForbids() throws Exception {
        ItemClassified bad = new ItemClassified(1, "cg-1", 0, "zzsz", "d", "t", null, ItemKind.NEWS, LocalDate.of(2025, 1, 1), null,
                List.of(), null, 51, 11, 1.5, null, Decision.PUBLISH, List.of(), false, null, List.of(), Instant.now());
        Set<ValidationMessage> errors = validate("item-classified.v1.json", bad);
        assertFalse(errors.isEmpty());
        assertEquals(4, errors.size(), errors.toString()); // revision, checklistItem, category, confidence
    }
}
