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
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import io.xxgk.contract.event.SignOffStep;
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
        ItemSubmitted e = ItemSubmitted.builder().itemId("cg-1").revision(2).action(ItemAction.REVISE).schoolCode("zzsz")
                .department("采购与招标管理处").title("2025年水电耗材采购招标公告").kind(ItemKind.PROCUREMENT_NOTICE)
                .producedDate(LocalDate.of(2025, 3, 3)).publishedDate(LocalDate.of(2025, 3, 5))
                .channels(List.of(Channel.WEBSITE)).sourceUrl("https://www.example.edu.cn/a.htm").checklistHint(18)
                .attachments(List.of(PDF)).submittedAt(Instant.now()).build();
        assertEquals(Set.of(), validate("item-submitted.v1.json", e));
    }

    @Test
    void classifiedEventsMatchTheirSchema() throws Exception {
        ItemClassified e = ItemClassified.builder().itemId("cg-1").revision(1).schoolCode("zzsz").department("招生就业处")
                .title("2025年录取名单").body("张三 4301**********1234").kind(ItemKind.ADMISSION_RESULT)
                .producedDate(LocalDate.of(2025, 7, 20)).channels(List.of(Channel.WEBSITE, Channel.WECHAT))
                .checklistItem(9).category(2).confidence(0.93).explanation("模型").decision(Decision.HOLD)
                .holdReasons(List.of("PERSONAL_DATA")).personalDataMasked(true).classifiedAt(Instant.now()).build();
        assertEquals(Set.of(), validate("item-classified.v2.json", e.toBuilder().signOff(SignOff.start(SignOffMode.OFFICE)
                .with(new SignOffStep(SignOffStage.OFFICE, SignOffAction.CORRECT, "李审核", "REVIEWER", Instant.now(), "打码后公开", 9, null))
                .with(new SignOffStep(SignOffStage.LEADER, SignOffAction.WITHHOLD, "王领导", "LEADER", Instant.now(), null, 9,
                        "PERSONAL_PRIVACY"))).build()));
        assertEquals(Set.of(), validate("item-classified.v1.json", e.toBuilder().schemaVersion(1).build()));
        assertFalse(validate("item-classified.v2.json", e).isEmpty(), "a version-2 event needs its signOff");
        assertFalse(validate("item-classified.v2.json", e.toBuilder().signOff(SignOff.start(SignOffMode.OFFICE).with(
                new SignOffStep(SignOffStage.OFFICE, SignOffAction.WITHHOLD, "李审核", "REVIEWER", Instant.now(), null, 9, "SECRET")))
                .build()).isEmpty(), "an unknown withhold reason");
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
        ItemClassified bad = ItemClassified.builder().itemId("cg-1").revision(0).schoolCode("zzsz").department("d").title("t")
                .kind(ItemKind.NEWS).producedDate(LocalDate.of(2025, 1, 1)).checklistItem(51).category(11)
                .confidence(1.5).decision(Decision.PUBLISH).classifiedAt(Instant.now()).build();
        Set<ValidationMessage> errors = validate("item-classified.v1.json", bad.toBuilder().schemaVersion(1).build());
        assertFalse(errors.isEmpty());
        assertEquals(4, errors.size(), errors.toString()); // revision, checklistItem, category, confidence
    }
}
