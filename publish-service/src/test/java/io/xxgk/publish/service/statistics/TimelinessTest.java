package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import io.xxgk.contract.event.SignOffStep;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Timeliness as the rules mean it (issue 11 item 9), 张家界航空 (zjjhk, calendar year) 2024 through the real broker:
 * an undated item is unknown, not on time; the day the system made an item public after its two-level sign-off is
 * measured beside the declared date; a correction is measured from its own day, and does not make the original
 * publication look late; checklist items apart from news; 依申请: on time as a share of received, pending past 15
 * working days flagged, 不属于依申请公开范围 in both wordings.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class TimelinessTest {

    static final String SCHOOL = "zjjhk";
    static final String URL = "/api/v1/schools/" + SCHOOL + "/statistics?year=2024";

    static ItemClassified.Builder item(String id, int revision, Integer checklistItem, Integer category, String produced,
                                       String published, String classifiedAt) {
        return ItemClassified.builder().itemId(id).revision(revision).schoolCode(SCHOOL).department("党政办公室")
                .title("及时性 " + id).body("正文").kind(checklistItem == null ? ItemKind.NEWS : ItemKind.RULE)
                .producedDate(LocalDate.parse(produced)).publishedDate(published == null ? null : LocalDate.parse(published))
                .channels(List.of(Channel.WEBSITE)).checklistItem(checklistItem).category(category).confidence(0.9)
                .explanation("test").decision(Decision.PUBLISH).classifiedAt(Instant.parse(classifiedAt));
    }

    static SignOffStep step(SignOffStage stage, String at) {
        return new SignOffStep(stage, SignOffAction.APPROVE, stage == SignOffStage.OFFICE ? "王审核" : "张校长",
                stage == SignOffStage.OFFICE ? "REVIEWER" : "LEADER", Instant.parse(at), null, null, null);
    }

    static DisclosureRequestEvent request(String id, String received, AnswerType answer, String answered) {
        return new DisclosureRequestEvent(1, id, 1, SCHOOL, RecordType.APPLICATION, LocalDate.parse(received),
                ApplicantType.NATURAL_PERSON, "申请公开的信息", answer, answered == null ? null : LocalDate.parse(answered), null,
                null, Instant.now());
    }

    private static boolean loaded;

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        SignOff officeOnly = new SignOff(SignOffMode.TWO_LEVEL, List.of(step(SignOffStage.OFFICE, "2024-03-20T02:00:00Z")));
        SignOff signed = officeOnly.with(step(SignOffStage.LEADER, "2024-04-15T03:00:00Z"));
        SignOff correctionOffice = new SignOff(SignOffMode.TWO_LEVEL, List.of(step(SignOffStage.OFFICE, "2024-09-20T02:00:00Z")));
        List<ItemClassified> items = List.of(
                item("t24-listed-ok", 1, 18, 3, "2024-03-01", "2024-03-05", "2024-03-05T02:00:00Z").build(),
                // declared published 2024-03-04 (1 working day), but the leader signed it off on 2024-04-15: 30 working days
                item("t24-signed", 1, 19, 3, "2024-03-01", "2024-03-04", "2024-03-01T08:00:00Z").signOff(officeOnly).build(),
                item("t24-signed", 1, 19, 3, "2024-03-01", "2024-03-04", "2024-03-01T08:00:00Z").signOff(signed).build(),
                item("t24-undated", 1, null, null, "2024-05-06", null, "2024-05-07T02:00:00Z").build(),
                item("t24-news-late", 1, null, null, "2024-06-03", "2024-07-15", "2024-06-04T02:00:00Z").build(),
                // a correction nine months later, dated by the department on its own day: the original stays on time
                item("t24-corrected", 1, 2, 1, "2024-01-08", "2024-01-09", "2024-01-09T01:00:00Z").build(),
                item("t24-corrected", 2, 2, 1, "2024-01-08", "2024-10-08", "2024-10-08T01:00:00Z").build(),
                // a correction made 2024-09-02, held for the leader until 2024-10-31: late against its own 20 days
                item("t24-late-correction", 1, 5, 1, "2024-02-01", "2024-02-02", "2024-02-02T01:00:00Z").build(),
                item("t24-late-correction", 2, 5, 1, "2024-02-01", "2024-09-02", "2024-09-02T01:00:00Z").signOff(correctionOffice).build(),
                item("t24-late-correction", 2, 5, 1, "2024-02-01", "2024-09-02", "2024-09-02T01:00:00Z")
                        .signOff(correctionOffice.with(step(SignOffStage.LEADER, "2024-10-31T03:00:00Z"))).build());
        List<DisclosureRequestEvent> requests = List.of(
                request("t24-req-1", "2024-03-04", AnswerType.DISCLOSED, "2024-03-08"),
                request("t24-req-2", "2024-04-01", AnswerType.NOT_A_REQUEST, "2024-04-02"),
                request("t24-req-3", "2024-05-06", null, null),
                request("t24-req-4", "2024-06-03", AnswerType.WITHHELD, "2024-07-31"));
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            for (ItemClassified e : items) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, SCHOOL, EventCodec.encode(e))).get();
            }
            for (DisclosureRequestEvent r : requests) {
                producer.send(new ProducerRecord<>(Topics.REQUESTS, SCHOOL, EventCodec.encode(r))).get();
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(URL).then().statusCode(200)
                .body("published", equalTo(6))
                .body("timeliness.revisions.evaluated", equalTo(2))
                .body("timeliness.revisions.late", equalTo(1))
                .body("timeliness.madePublic.late", equalTo(1))
                .body("requests.received", equalTo(4)));
        loaded = true;
    }

    @Test
    void anUndatedItemIsUnknownNotOnTimeAndChecklistItemsAreReportedApartFromNews() {
        JsonPath t = given().get(URL).then().statusCode(200).extract().jsonPath().setRootPath("timeliness");
        assertEquals(6, t.getInt("evaluated"));
        assertEquals(1, t.getInt("unknown"));
        assertEquals(1, t.getInt("undated"));
        assertEquals(1, t.getInt("late"));
        // the corrected item is measured on its first publication (1 working day), not 2024-01-08 to 2024-10-08
        assertEquals(4, t.getInt("onTime"));
        assertEquals(66.7f, t.getFloat("percentOnTime"));
        assertEquals(80.0f, t.getFloat("percentOnTimeOfDated"));
        assertEquals(4, t.getInt("checklistItems.evaluated"));
        assertEquals(4, t.getInt("checklistItems.onTime"));
        assertEquals(0, t.getInt("checklistItems.late"));
        assertEquals(100.0f, t.getFloat("checklistItems.percentOnTime"));
        assertEquals(2, t.getInt("otherItems.evaluated"));
        assertEquals(1, t.getInt("otherItems.late"));
        assertEquals(1, t.getInt("otherItems.unknown"));
        assertEquals(0, t.getInt("otherItems.onTime"));
    }

    @Test
    void theDayTheSystemMadeItPublicAfterSignOffIsMeasuredBesideTheDeclaredOne() {
        JsonPath t = given().get(URL).then().statusCode(200).extract().jsonPath().setRootPath("timeliness.madePublic");
        assertEquals(6, t.getInt("evaluated"));
        assertEquals(0, t.getInt("unknown"));
        // t24-signed: produced 2024-03-01, the leader's approval 2024-04-15 (清明 off, 04-07 worked): 30 working days
        assertEquals(1, t.getInt("late"));
        assertEquals(30, t.getInt("maxWorkingDays"));
        // the undated news item was made public the day after it was produced: on time by the system's date
        assertEquals(5, t.getInt("onTime"));
    }

    @Test
    void theItemsDetailShowsWhenTheSystemMadeItPublicBesideTheDeclaredDates() {
        given().get("/api/v1/schools/" + SCHOOL + "/items/t24-signed").then().statusCode(200)
                .body("publishedDate", equalTo("2024-03-04"))
                .body("madePublicAt", equalTo("2024-04-15T03:00:00Z"));
        given().get("/api/v1/schools/" + SCHOOL + "/items/t24-late-correction").then().statusCode(200)
                .body("revision", equalTo(2))
                .body("madePublicAt", equalTo("2024-10-31T03:00:00Z"));
    }

    @Test
    void aCorrectionIsMeasuredAgainstItsOwnTwentyWorkingDays() {
        JsonPath t = given().get(URL).then().statusCode(200).extract().jsonPath().setRootPath("timeliness.revisions");
        assertEquals(2, t.getInt("evaluated"));
        assertEquals(1, t.getInt("onTime"));
        assertEquals(1, t.getInt("late"));
        // made 2024-09-02, public 2024-10-31: 中秋 and 国庆 off, 09-14, 09-29 and 10-12 worked
        assertEquals(39, t.getInt("maxWorkingDays"));
    }

    @Test
    void requestsOnTimeAsAShareOfReceivedPendingPastTheLimitFlaggedAndBothWordings() {
        JsonPath r = given().get(URL).then().statusCode(200).extract().jsonPath().setRootPath("requests");
        assertEquals(4, r.getInt("received"));
        assertEquals(3, r.getInt("answered"));
        assertEquals(2, r.getInt("answeredWithinLimit"));
        assertEquals(66.7f, r.getFloat("percentWithinLimit"));
        assertEquals(50.0f, r.getFloat("percentOfReceivedWithinLimit"));
        assertEquals(List.of("t24-req-3"), r.getList("overduePending.id"));
        assertEquals("2024-05-06", r.getString("overduePending[0].receivedDate"));
        assertEquals(true, r.getInt("overduePending[0].workingDays") > 15);
        assertEquals(1, r.getInt("byAnswer.find { it.key == 'NOT_A_REQUEST' }.count"));
        assertEquals("不属于依申请公开范围", r.getString("byAnswer.find { it.key == 'NOT_A_REQUEST' }.label"));
        assertEquals("不予处理：信访举报投诉类申请，不作为信息公开申请处理", r.getString("byAnswer2019.find { it.key == 'NOT_A_REQUEST' }.label"));
        assertEquals("无法提供：本机关不掌握相关信息或信息不存在", r.getString("byAnswer2019.find { it.key == 'NOT_HELD' }.label"));
        assertEquals("不属于本校职责范围或信息不存在", r.getString("byAnswer.find { it.key == 'NOT_HELD' }.label"));
        assertEquals(r.getList("byAnswer.key"), r.getList("byAnswer2019.key"));
        assertEquals(r.getList("byAnswer.count"), r.getList("byAnswer2019.count"));
        assertEquals(true, r.getString("answerSources").contains("第十九条") && r.getString("answerSources").contains("2019"));
    }
}
