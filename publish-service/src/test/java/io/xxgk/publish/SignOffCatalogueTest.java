package io.xxgk.publish;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import io.xxgk.contract.event.SignOffStep;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The sign-off steps of ItemClassified v2 reach the item's history; an incomplete sign-off is never public. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class SignOffCatalogueTest {

    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    static SignOffStep step(SignOffStage stage, SignOffAction action, String who, Integer item, String note, String reason) {
        return new SignOffStep(stage, action, who, stage == SignOffStage.OFFICE ? "REVIEWER" : "LEADER", AT, note, item, reason);
    }

    static ItemClassified event(String id, Decision decision, Integer item, SignOff signOff) {
        return CatalogueTest.event("hnxx", id, 1, "实训室设备采购项目招标公告 " + id, item, item == null ? null : 3, decision)
                .toBuilder().signOff(signOff).build();
    }

    static void awaitHistory(String id, int revisions, int steps) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> consoleHistory(id).statusCode(200)
                .body("", hasSize(revisions)).body("[" + (revisions - 1) + "].steps", hasSize(steps)));
    }

    static io.restassured.response.ValidatableResponse consoleHistory(String id) {
        return given().auth().preemptive().basic("console", "console-dev-password")
                .get("/api/v1/console/schools/hnxx/items/" + id + "/history").then();
    }

    static void isPublic(String id, boolean expected) {
        given().get("/api/v1/schools/hnxx/items/" + id).then().statusCode(expected ? 200 : 404);
    }

    @Test
    void officeSignOffIsPublicOnlyAfterTheApprovalAndShowsWhoApproved() throws Exception {
        String id = "so-office-" + UUID.randomUUID();
        SignOff waiting = SignOff.start(SignOffMode.OFFICE);
        CatalogueTest.send(event(id, Decision.HOLD, 18, waiting));
        awaitHistory(id, 1, 0);
        isPublic(id, false);
        consoleHistory(id).body("[0].signOffStatus", equalTo("AWAITING_OFFICE")).body("[0].isPublic", equalTo(false));

        CatalogueTest.send(event(id, Decision.PUBLISH, 18, waiting.with(step(SignOffStage.OFFICE, SignOffAction.APPROVE, "李审核", 18, "同意", null))));
        awaitHistory(id, 1, 1);
        isPublic(id, true);
        consoleHistory(id).body("[0].decision", equalTo("PUBLISH")).body("[0].signOffStatus", equalTo("APPROVED"))
                .body("[0].isPublic", equalTo(true))
                .body("[0].steps[0].actor", equalTo("李审核")).body("[0].steps[0].role", equalTo("REVIEWER"))
                .body("[0].steps[0].action", equalTo("APPROVE")).body("[0].steps[0].note", equalTo("同意"))
                .body("[0].steps[0].at", equalTo("2026-03-02T09:00:00Z"));
        given().get("/api/v1/console/schools/hnxx/items/" + id + "/history").then().statusCode(401);
    }

    @Test
    void twoLevelNeedsBothStepsAndTheLeadersCorrectionIsWhatIsPublished() throws Exception {
        String id = "so-two-" + UUID.randomUUID();
        SignOff office = SignOff.start(SignOffMode.TWO_LEVEL).with(step(SignOffStage.OFFICE, SignOffAction.APPROVE, "李审核", 18, null, null));
        // defence in depth: a PUBLISH with only the office's step is not public
        CatalogueTest.send(event(id, Decision.HOLD, 18, SignOff.start(SignOffMode.TWO_LEVEL)),
                event(id, Decision.PUBLISH, 18, office));
        awaitHistory(id, 1, 1);
        isPublic(id, false);
        consoleHistory(id).body("[0].signOffStatus", equalTo("AWAITING_LEADER")).body("[0].isPublic", equalTo(false));

        CatalogueTest.send(event(id, Decision.PUBLISH, 20, office.with(step(SignOffStage.LEADER, SignOffAction.CORRECT, "王领导", 20, null, null))));
        awaitHistory(id, 1, 2);
        isPublic(id, true);
        given().get("/api/v1/schools/hnxx/items/" + id).then().body("checklistItem.number", equalTo(20));
        consoleHistory(id).body("[0].steps.actor", equalTo(List.of("李审核", "王领导")))
                .body("[0].steps.stage", equalTo(List.of("OFFICE", "LEADER")))
                .body("[0].steps[1].checklistItem", equalTo(20));
    }

    @Test
    void returnedAndWithheldItemsNeverReachTheCatalogue() throws Exception {
        String ret = "so-ret-" + UUID.randomUUID();
        String wh = "so-wh-" + UUID.randomUUID();
        SignOff start = SignOff.start(SignOffMode.OFFICE);
        CatalogueTest.send(event(ret, Decision.HOLD, 18, start),
                event(ret, Decision.HOLD, 18, start.with(step(SignOffStage.OFFICE, SignOffAction.RETURN, "李审核", 18, "请补充附件", null))),
                event(wh, Decision.HOLD, 18, start),
                event(wh, Decision.WITHHOLD, 18, start.with(step(SignOffStage.OFFICE, SignOffAction.WITHHOLD, "李审核", 18, null, "STATE_SECRET")))
                        .toBuilder().withholdReason("STATE_SECRET").build());
        awaitHistory(ret, 1, 1);
        awaitHistory(wh, 1, 1);
        isPublic(ret, false);
        isPublic(wh, false);
        consoleHistory(ret).body("[0].signOffStatus", equalTo("RETURNED")).body("[0].steps[0].note", equalTo("请补充附件"));
        consoleHistory(wh).body("[0].signOffStatus", equalTo("WITHHELD")).body("[0].steps[0].withholdReason", equalTo("STATE_SECRET"));
        given().get("/api/v1/schools/hnxx/catalogue?entriesPerItem=200").then().statusCode(200)
                .body("categories.items.flatten().entries.flatten().id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems(ret)))
                .body("categories.items.flatten().entries.flatten().id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems(wh)));
    }

    @Test
    void aVersion1EventIsStillPublishedAndHasNoSignOff() throws Exception {
        String id = "so-v1-" + UUID.randomUUID();
        String v1 = EventCodec.encode(CatalogueTest.event("hnxx", id, 1, "实训室设备采购项目招标公告", 18, 3, Decision.PUBLISH)
                .toBuilder().schemaVersion(1).build()).replace(",\"signOff\":null", "");
        CatalogueTest.sendRaw("hnxx", v1);
        awaitHistory(id, 1, 0);
        isPublic(id, true);
        consoleHistory(id).body("[0].signOffMode", nullValue()).body("[0].signOffStatus", nullValue());
        given().auth().preemptive().basic("console", "console-dev-password")
                .get("/api/v1/console/schools/hnxx/items/no-such-item/history").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
