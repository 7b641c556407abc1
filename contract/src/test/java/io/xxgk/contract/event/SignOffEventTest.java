package io.xxgk.contract.event;

import io.xxgk.contract.Topics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ItemClassified v2 carries the sign-off; v1 events stay readable and mean mode AUTO. */
class SignOffEventTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    static SignOffStep step(SignOffStage stage, SignOffAction action) {
        return new SignOffStep(stage, action, "张老师", stage == SignOffStage.OFFICE ? "REVIEWER" : "LEADER", AT, "备注", 19, null);
    }

    static ItemClassified.Builder event() {
        return ItemClassified.builder().itemId("ys-1").revision(1).schoolCode("zzsz").department("财务处").title("2026年部门预算")
                .kind(ItemKind.BUDGET).producedDate(LocalDate.of(2026, 3, 1)).checklistItem(19).category(3).confidence(0.97)
                .decision(Decision.PUBLISH).classifiedAt(AT);
    }

    @Test
    void aVersion2EventRoundTripsWithItsStepsAndHasItsOwnTypeAndId() {
        SignOff s = SignOff.start(SignOffMode.TWO_LEVEL).with(step(SignOffStage.OFFICE, SignOffAction.APPROVE))
                .with(new SignOffStep(SignOffStage.LEADER, SignOffAction.CORRECT, "王校长", "LEADER", AT.plusSeconds(60), null, 20, null));
        ItemClassified e = event().signOff(s).build();
        assertEquals(2, e.schemaVersion());
        String json = EventCodec.encode(e);
        assertTrue(json.contains("\"signOff\":{\"mode\":\"TWO_LEVEL\",\"steps\":[{\"stage\":\"OFFICE\",\"action\":\"APPROVE\""), json);
        ItemClassified back = ItemClassified.decodeComplete(json);
        assertEquals(e, back);
        assertEquals(SignOff.Status.APPROVED, back.signOff().status());
        assertTrue(back.publishable());
        Map<String, String> h = CloudEventHeaders.of(back);
        assertEquals("cn.xxgk.item.classified.v2", h.get(Topics.CE_TYPE));
        assertEquals("ys-1#s2", h.get(Topics.CE_ID), "every sign-off step is its own event");
        assertEquals("APPROVED", h.get(CloudEventHeaders.SIGN_OFF));
    }

    @Test
    void aVersion1EventStillDecodesAsModeAutoAndKeepsItsType() {
        String v1 = """
                {"schemaVersion":1,"itemId":"ys-1","revision":1,"schoolCode":"zzsz","department":"财务处","title":"2026年部门预算",
                 "kind":"BUDGET","producedDate":"2026-03-01","channels":["WEBSITE"],"checklistItem":19,"category":3,
                 "confidence":0.97,"decision":"PUBLISH","holdReasons":[],"personalDataMasked":false,"attachments":[],
                 "classifiedAt":"2026-03-01T08:00:00Z"}""";
        ItemClassified e = ItemClassified.decodeComplete(v1);
        assertEquals(1, e.schemaVersion());
        assertNull(e.signOff());
        assertEquals(SignOffMode.AUTO, e.signOffOrAuto().mode());
        assertTrue(e.publishable(), "a v1 PUBLISH is public as before");
        assertEquals("cn.xxgk.item.classified.v1", CloudEventHeaders.of(e).get(Topics.CE_TYPE));
        assertEquals("ys-1", CloudEventHeaders.of(e).get(Topics.CE_ID));
    }

    @Test
    void publicationNeedsEveryRequiredStageInOrder() {
        SignOff office = SignOff.start(SignOffMode.OFFICE);
        assertEquals(SignOff.Status.AWAITING_OFFICE, office.status());
        assertFalse(event().signOff(office).build().publishable(), "PUBLISH without the office's approval is not public");
        assertTrue(event().signOff(office.with(step(SignOffStage.OFFICE, SignOffAction.APPROVE))).build().publishable());

        SignOff two = SignOff.start(SignOffMode.TWO_LEVEL).with(step(SignOffStage.OFFICE, SignOffAction.CORRECT));
        assertEquals(SignOff.Status.AWAITING_LEADER, two.status());
        assertEquals(SignOffStage.LEADER, two.awaiting());
        assertFalse(event().signOff(two).build().publishable());
        SignOff leaderFirst = SignOff.start(SignOffMode.TWO_LEVEL).with(step(SignOffStage.LEADER, SignOffAction.APPROVE));
        assertEquals(SignOff.Status.AWAITING_OFFICE, leaderFirst.status(), "a leader step before the office's does not count");
        assertFalse(event().signOff(leaderFirst.with(step(SignOffStage.OFFICE, SignOffAction.APPROVE))).build().publishable());

        assertEquals(SignOff.Status.RETURNED, two.with(step(SignOffStage.LEADER, SignOffAction.RETURN)).status());
        SignOff withheld = office.with(step(SignOffStage.OFFICE, SignOffAction.WITHHOLD));
        assertEquals(SignOff.Status.WITHHELD, withheld.status());
        assertFalse(event().signOff(withheld).build().publishable());
        assertFalse(event().decision(Decision.HOLD).signOff(SignOff.start(SignOffMode.AUTO)).build().publishable());
        assertEquals(List.of(), new SignOff(SignOffMode.AUTO, null).steps());
    }
}
