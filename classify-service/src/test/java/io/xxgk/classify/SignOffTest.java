package io.xxgk.classify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.xxgk.classify.service.ClassificationService;
import io.xxgk.classify.service.SignOffService;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.CloudEventHeaders;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 一事一审: per-school sign-off modes, the console's decisions by role and stage, and the v2 events they send. */
@QuarkusTest
class SignOffTest {

    @Inject
    ClassificationService classification;
    @Inject
    SignOffService signOff;

    static RequestSpecification as(String name, String role) {
        return given().auth().preemptive().basic("console", "console-dev-password")
                .header("X-Xxgk-Actor", URLEncoder.encode(name, StandardCharsets.UTF_8)).header("X-Xxgk-Actor-Role", role)
                .contentType("application/json; charset=UTF-8");
    }

    static ItemSubmitted submitted(String school, String id, String title, String body, ItemKind kind) {
        return ItemSubmitted.builder().itemId(id).revision(1).action(ItemAction.SUBMIT).schoolCode(school).department("财务处")
                .title(title).body(body).kind(kind).producedDate(LocalDate.of(2025, 3, 3)).submittedAt(Instant.now()).build();
    }

    /** Stores a submission as the processor does (under its school's mode) and answers the stored event. */
    ItemClassified store(ItemSubmitted in) {
        ItemClassified decided = classification.decide(in);
        return EventCodec.decode(QuarkusTransaction.requiringNew().call(() -> signOff.store(decided, in)), ItemClassified.class);
    }

    static String school() {
        return "so" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void setMode(String school, String mode) {
        as("管理员甲", "ADMIN").body(Map.of("mode", mode)).put("/api/v1/sign-off/modes/" + school)
                .then().statusCode(200).body("mode", equalTo(mode)).body("changedBy", equalTo("管理员甲"))
                .body("configuredDefault", equalTo(false));
    }

    static ValidatableResponse decide(String who, String role, String school, String id, Map<String, Object> body) {
        return as(who, role).body(body).post("/api/v1/sign-off/items/" + school + "/" + id + "/1/decision").then();
    }

    static List<ItemClassified> onTopic(String id, int atLeast) {
        return SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                        seen -> seen.stream().filter(r -> r.value().contains(id)).count() >= atLeast).stream()
                .filter(r -> r.value().contains(id)).map(r -> EventCodec.decode(r.value(), ItemClassified.class)).toList();
    }

    @Test
    void autoIsTodaysBehaviourAndOnlyAnAdminChangesTheMode() {
        String school = school();
        as("李审核", "REVIEWER").get("/api/v1/sign-off/modes/" + school).then().statusCode(200)
                .body("mode", equalTo("AUTO")).body("configuredDefault", equalTo(true)).body("changedBy", nullValue());
        ItemClassified auto = store(submitted(school, "b-" + UUID.randomUUID(), "2025年部门预算公开", null, ItemKind.BUDGET));
        assertEquals(Decision.PUBLISH, auto.decision(), "a confident item without personal data publishes itself");
        assertEquals(2, auto.schemaVersion());
        assertEquals(SignOffMode.AUTO, auto.signOff().mode());
        assertTrue(auto.publishable());

        as("李审核", "REVIEWER").body(Map.of("mode", "OFFICE")).put("/api/v1/sign-off/modes/" + school)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("ADMIN"));
        as("管理员甲", "ADMIN").body(Map.of("mode", "SOMETIMES")).put("/api/v1/sign-off/modes/" + school)
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
        as("管理员甲", "ADMIN").body("[1]").put("/api/v1/sign-off/modes/" + school).then().statusCode(400);
        given().auth().preemptive().basic("console", "console-dev-password").contentType("application/json")
                .body(Map.of("mode", "OFFICE")).put("/api/v1/sign-off/modes/" + school)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Xxgk-Actor"));
        given().contentType("application/json").body(Map.of("mode", "OFFICE")).put("/api/v1/sign-off/modes/" + school)
                .then().statusCode(401);
        as("李审核", "REVIEWER").get("/api/v1/sign-off/modes/" + school).then().body("mode", equalTo("AUTO"));
    }

    @Test
    void officeHoldsEveryItemUntilTheReviewerApprovesAndRecordsWho() throws Exception {
        String school = school();
        setMode(school, "OFFICE");
        String id = "o-" + UUID.randomUUID();
        SubmittedItemProcessorTest.send(school, EventCodec.encode(submitted(school, id, "2025年部门预算公开", null, ItemKind.BUDGET)));
        ItemClassified held = onTopic(id, 1).get(0);
        assertEquals(Decision.HOLD, held.decision(), "confident, but the school signs off every item");
        assertTrue(held.holdReasons().contains(SignOffService.SIGN_OFF_REQUIRED), held.holdReasons().toString());
        assertEquals(SignOff.Status.AWAITING_OFFICE, held.signOff().status());
        assertTrue(held.explanation().contains("待信息公开办公室审核"), held.explanation());

        as("王领导", "LEADER").get("/api/v1/sign-off/queue?stage=OFFICE&schoolCode=" + school).then().statusCode(200)
                .body("itemId", hasItem(id)).body("find { it.itemId == '" + id + "' }.holdReasons", hasItem("SIGN_OFF_REQUIRED"));
        decide("王领导", "LEADER", school, id, Map.of("action", "APPROVE")).statusCode(403)
                .contentType("application/problem+json");
        as("部门甲", "EDITOR").header("X-Xxgk-Actor-Department", URLEncoder.encode("财务处", StandardCharsets.UTF_8)).get("/api/v1/sign-off/queue").then().statusCode(403);

        decide("李审核", "REVIEWER", school, id, Map.of("action", "APPROVE", "note", "同意公开")).statusCode(200)
                .body("decision", equalTo("PUBLISH")).body("status", equalTo("APPROVED"))
                .body("signOff.steps[0].actor", equalTo("李审核")).body("signOff.steps[0].role", equalTo("REVIEWER"));
        // a retry of the same decision answers the same, and does not add a step
        decide("李审核", "REVIEWER", school, id, Map.of("action", "APPROVE", "note", "同意公开")).statusCode(200)
                .body("signOff.steps", hasSize(1));
        decide("赵审核", "REVIEWER", school, id, Map.of("action", "WITHHOLD", "withholdReason", "OTHER")).statusCode(409);

        List<ConsumerRecord<String, String>> records = SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id) && r.value().contains("\"PUBLISH\"")));
        ConsumerRecord<String, String> published = records.stream()
                .filter(r -> r.value().contains(id) && r.value().contains("\"PUBLISH\"")).findFirst().orElseThrow();
        ItemClassified e = EventCodec.decode(published.value(), ItemClassified.class);
        assertTrue(e.publishable());
        assertEquals("李审核", e.signOff().steps().get(0).actor());
        assertEquals("同意公开", e.signOff().steps().get(0).note());
        assertTrue(e.explanation().startsWith("已由李审核（REVIEWER）审核通过：同意公开"), e.explanation());
        assertFalse(e.explanation().contains("待信息公开办公室审核"), e.explanation());
        assertEquals("cn.xxgk.item.classified.v2", header(published, Topics.CE_TYPE));
        assertEquals(id + "#s1", header(published, Topics.CE_ID));
        assertEquals("APPROVED", header(published, CloudEventHeaders.SIGN_OFF));

        as("李审核", "REVIEWER").get("/api/v1/sign-off/items/" + school + "/" + id + "/1/history").then().statusCode(200)
                .body("", hasSize(1)).body("[0].actor", equalTo("李审核")).body("[0].role", equalTo("REVIEWER"))
                .body("[0].action", equalTo("APPROVE")).body("[0].stage", equalTo("OFFICE")).body("[0].note", equalTo("同意公开"));
        as("部门乙", "EDITOR").header("X-Xxgk-Actor-Department", URLEncoder.encode("后勤处", StandardCharsets.UTF_8))
                .get("/api/v1/sign-off/items/" + school + "/" + id + "/1/history").then().statusCode(404);
        as("部门甲", "EDITOR").header("X-Xxgk-Actor-Department", URLEncoder.encode("财务处", StandardCharsets.UTF_8))
                .get("/api/v1/sign-off/items/" + school + "/" + id + "/1/history").then().statusCode(200).body("", hasSize(1));
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void twoLevelNeedsTheOfficeThenTheLeaderAndAReviewerCannotTakeTheLeadersStep() {
        String school = school();
        setMode(school, "TWO_LEVEL");
        String id = "t-" + UUID.randomUUID();
        ItemClassified held = store(submitted(school, id, "2025年部门预算公开", null, ItemKind.BUDGET));
        assertEquals(Decision.HOLD, held.decision());
        assertEquals(SignOffMode.TWO_LEVEL, held.signOff().mode());

        decide("王领导", "LEADER", school, id, Map.of("action", "APPROVE")).statusCode(403);
        decide("李审核", "REVIEWER", school, id, Map.of("action", "CORRECT", "checklistItem", 20, "stage", "OFFICE")).statusCode(200)
                .body("decision", equalTo("HOLD")).body("status", equalTo("AWAITING_LEADER")).body("awaiting", equalTo("LEADER"))
                .body("checklistItem", equalTo(20));
        as("王领导", "LEADER").get("/api/v1/sign-off/queue?stage=LEADER&schoolCode=" + school).then()
                .body("itemId", hasItem(id));
        as("王领导", "LEADER").get("/api/v1/sign-off/queue?stage=OFFICE&schoolCode=" + school).then()
                .body("itemId", not(hasItem(id)));
        decide("赵审核", "REVIEWER", school, id, Map.of("action", "APPROVE")).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("审定"));
        decide("王领导", "LEADER", school, id, Map.of("action", "APPROVE", "stage", "OFFICE")).statusCode(409);
        decide("王领导", "LEADER", school, id, Map.of("action", "APPROVE")).statusCode(200)
                .body("decision", equalTo("PUBLISH")).body("checklistItem", equalTo(20)).body("category", equalTo(3))
                .body("signOff.steps.role", equalTo(List.of("REVIEWER", "LEADER")))
                .body("signOff.steps.stage", equalTo(List.of("OFFICE", "LEADER")));

        ItemClassified last = onTopic(id, 2).stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(Decision.PUBLISH, last.decision());
        assertEquals(20, last.checklistItem());
        assertTrue(last.publishable());
        assertTrue(last.explanation().startsWith("已由王领导（LEADER）审定通过"), last.explanation());
        assertTrue(last.explanation().contains("已由李审核（REVIEWER）审核通过，清单事项改为第 20 项"), last.explanation());
        assertFalse(last.explanation().contains("待分管领导审定") || last.explanation().contains("待信息公开办公室审核"),
                last.explanation());
        as("李审核", "REVIEWER").get("/api/v1/sign-off/items/" + school + "/" + id + "/1").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("history.actor", equalTo(List.of("李审核", "王领导")))
                .body("history[0].checklistItemAfter", equalTo(20));
    }

    @Test
    void returnAndWithholdNeedTheirReasonAndNeverPublish() {
        String school = school();
        setMode(school, "OFFICE");
        String ret = "r-" + UUID.randomUUID();
        String wh = "w-" + UUID.randomUUID();
        store(submitted(school, ret, "2025年部门预算公开", null, ItemKind.BUDGET));
        store(submitted(school, wh, "2025年部门预算公开", null, ItemKind.BUDGET));

        decide("李审核", "REVIEWER", school, ret, Map.of("action", "RETURN")).statusCode(400)
                .body("errors[0].field", equalTo("note"));
        decide("李审核", "REVIEWER", school, ret, Map.of("action", "RETURN", "note", "请补充预算说明后重新报送")).statusCode(200)
                .body("decision", equalTo("HOLD")).body("status", equalTo("RETURNED")).body("awaiting", nullValue())
                .body("signOff.steps[0].note", equalTo("请补充预算说明后重新报送"));
        as("李审核", "REVIEWER").get("/api/v1/sign-off/queue?schoolCode=" + school).then().body("itemId", not(hasItem(ret)));

        decide("李审核", "REVIEWER", school, wh, Map.of("action", "WITHHOLD")).statusCode(400)
                .body("errors[0].field", equalTo("withholdReason"));
        decide("李审核", "REVIEWER", school, wh, Map.of("action", "WITHHOLD", "withholdReason", "NOT_A_LAW")).statusCode(400);
        decide("李审核", "REVIEWER", school, wh, Map.of("action", "WITHHOLD", "withholdReason", "STATE_SECRET")).statusCode(200)
                .body("decision", equalTo("WITHHOLD")).body("status", equalTo("WITHHELD"));

        List<ItemClassified> events = onTopic(wh, 1);
        ItemClassified withheld = events.get(events.size() - 1);
        assertEquals("STATE_SECRET", withheld.withholdReason());
        assertFalse(withheld.publishable());
        ItemClassified returned = onTopic(ret, 1).get(0);
        assertEquals(SignOff.Status.RETURNED, returned.signOff().status());
        assertFalse(returned.publishable());
        assertEquals(List.of(SignOffService.RETURNED_TO_DEPARTMENT), returned.holdReasons());
        as("李审核", "REVIEWER").get("/api/v1/sign-off/withhold-reasons").then().statusCode(200)
                .body("code", equalTo(List.of("STATE_SECRET", "COMMERCIAL_SECRET", "PERSONAL_PRIVACY", "OTHER")));
    }

    @Test
    void theDetailShowsTheSuggestionAndWhereThePersonalDataIs() {
        String school = school();
        String id = "d-" + UUID.randomUUID();
        String body = "拟资助学生：张三 " + ReviewQueueTest.ID_NUMBER + "，电话 13812345678。";
        store(submitted(school, id, "2024-2025学年国家励志奖学金拟资助学生名单公示", body, ItemKind.OTHER));
        var detail = as("李审核", "REVIEWER").get("/api/v1/sign-off/items/" + school + "/" + id + "/1").then().statusCode(200)
                .body("status", equalTo("AWAITING_OFFICE")).body("awaiting", equalTo("OFFICE")).body("mode", equalTo("AUTO"))
                .body("holdReasons", hasItem("PERSONAL_DATA")).body("original.body", equalTo(body))
                .body("findings.kind", equalTo(List.of("RESIDENT_ID", "MOBILE")))
                .body("findings.field", equalTo(List.of("body", "body")))
                .extract().jsonPath();
        int start = detail.getInt("findings[0].start");
        int end = detail.getInt("findings[0].end");
        assertEquals(ReviewQueueTest.ID_NUMBER, body.substring(start, end), "offsets into the original");
        String masked = detail.getString("publicCopy.body");
        assertFalse(masked.contains(ReviewQueueTest.ID_NUMBER));
        assertEquals("138****5678", masked.substring(detail.getInt("findings[1].maskedStart"), detail.getInt("findings[1].maskedEnd")));
        assertTrue(detail.getDouble("suggestion.confidence") > 0);
        assertTrue(detail.getString("suggestion.explanation").contains("个人信息"));

        decide("李审核", "REVIEWER", school, id, Map.of("action", "APPROVE")).statusCode(200);
        as("李审核", "REVIEWER").get("/api/v1/sign-off/items/" + school + "/" + id + "/1").then().statusCode(200)
                .body("original", nullValue()).body("findings", hasSize(2)).body("status", equalTo("APPROVED"));
        as("李审核", "REVIEWER").get("/api/v1/sign-off/items/" + school + "/nobody/1").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void batchApproveTakesOnlyConfidentItemsWithoutPersonalData() {
        String school = school();
        setMode(school, "OFFICE");
        String good = "g-" + UUID.randomUUID();
        String pii = "p-" + UUID.randomUUID();
        String vague = "v-" + UUID.randomUUID();
        ItemClassified g = store(submitted(school, good, "2025年部门预算公开", null, ItemKind.BUDGET));
        store(submitted(school, pii, "2025年部门预算公开", "经办人电话 13812345678", ItemKind.BUDGET));
        ItemClassified v = store(submitted(school, vague, "关于做好有关工作的通知", null, ItemKind.OTHER));
        // the batch's minimum lies between the two (how sure the model is of the vague title depends on its training)
        assertTrue(v.confidence() < g.confidence(), "the vague title is less sure than the budget: " + v.confidence()
                + " < " + g.confidence());
        double threshold = (v.confidence() + g.confidence()) / 2;

        // the queue is ordered by confidence, highest first
        List<Float> confidences = as("李审核", "REVIEWER").get("/api/v1/sign-off/queue?schoolCode=" + school)
                .then().statusCode(200).extract().jsonPath().getList("confidence", Float.class);
        assertEquals(3, confidences.size());
        assertTrue(confidences.get(0) >= confidences.get(1) && confidences.get(1) >= confidences.get(2), confidences.toString());

        Map<String, Object> batch = Map.of("schoolCode", school, "stage", "OFFICE", "minConfidence", threshold,
                "items", List.of(Map.of("itemId", good, "revision", 1), Map.of("itemId", pii, "revision", 1),
                        Map.of("itemId", vague, "revision", 1), Map.of("itemId", "missing", "revision", 1)));
        as("王领导", "LEADER").body(batch).post("/api/v1/sign-off/batch-approve").then().statusCode(403);
        as("李审核", "REVIEWER").body(Map.of("schoolCode", school, "stage", "OFFICE", "minConfidence", "high", "items", List.of()))
                .post("/api/v1/sign-off/batch-approve").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("minConfidence", "items"));
        as("李审核", "REVIEWER").body(batch).post("/api/v1/sign-off/batch-approve").then().log().ifValidationFails().statusCode(200)
                .body("approved", equalTo(1)).body("skipped", equalTo(3))
                .body("results.outcome", equalTo(List.of("APPROVED", "SKIPPED", "SKIPPED", "SKIPPED")))
                .body("results.reason", equalTo(java.util.Arrays.asList(null, "PERSONAL_DATA", "LOW_CONFIDENCE", "NOT_FOUND")));
        assertEquals(Decision.PUBLISH, onTopic(good, 2).stream().reduce((a, b) -> b).orElseThrow().decision());
        as("李审核", "REVIEWER").get("/api/v1/sign-off/queue?schoolCode=" + school).then()
                .body("itemId", org.hamcrest.Matchers.containsInAnyOrder(pii, vague));
    }

    @Test
    void anOperatorStillReviewsAsTheOfficeButNotForTheLeader() {
        String school = school();
        setMode(school, "TWO_LEVEL");
        String id = "op-" + UUID.randomUUID();
        store(submitted(school, id, "2025年部门预算公开", null, ItemKind.BUDGET));
        given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                .body(Map.of("action", "CONFIRM")).post("/api/v1/review/" + school + "/" + id + "/1")
                .then().statusCode(200).body("decision", equalTo("HOLD"))
                .body("signOff.steps[0].role", equalTo("OPERATOR"));
        given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                .body(Map.of("action", "REJECT")).post("/api/v1/review/" + school + "/" + id + "/1")
                .then().statusCode(403).contentType("application/problem+json");
        decide("王领导", "LEADER", school, id, Map.of("action", "APPROVE")).statusCode(200).body("decision", equalTo("PUBLISH"));
        assertNull(QuarkusTransaction.requiringNew().call(() ->
                io.xxgk.classify.repository.StoredDecision.find(school, id, 1).orElseThrow().signOffStage));
    }
}
