package io.xxgk.classify;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xxgk.classify.model.Classification;
import io.xxgk.classify.repository.ModelStore;
import io.xxgk.classify.service.TrainedClassifier;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One model for every replica: the service and a second loader over the same database (another replica's
 * {@link TrainedClassifier}) use the same stored version after a retraining by either; a person's correction changes the
 * next model's answer for that title; each decision and its event name the model version that made it.
 */
@QuarkusTest
class SharedModelTest {

    @Inject
    AgroalDataSource db;
    @Inject
    TrainedClassifier service;

    TrainedClassifier otherReplica() {
        return new TrainedClassifier(new ModelStore((DataSource) db), Duration.ofHours(1), Duration.ZERO);
    }

    static JsonPath dryRun(String title) {
        return given().contentType("application/json; charset=UTF-8").body(Map.of("title", title))
                .post("/api/v1/classify").then().statusCode(200).extract().jsonPath();
    }

    int storedModelVersion(String id) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select model_version from classification where item_id = ? and revision = 1")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "decision of " + id + " stored");
                return rs.getInt(1);
            }
        }
    }

    @Test
    void bothReplicasUseTheRetrainedVersionAndACorrectionChangesTheNextModel() throws Exception {
        int v0 = given().auth().preemptive().basic("reviewer", "reviewer-pass").post("/api/v1/review/retrain")
                .then().statusCode(200).extract().path("version");
        assertEquals(v0, service.loaded().version(), "the replica that retrained uses its new model at once");

        // another replica loads the stored model, and answers exactly as the service does
        TrainedClassifier other = otherReplica();
        assertEquals(v0, other.loaded().version());
        for (String t : List.of("2025年部门预算公开", "我校举办2025年迎新晚会", "关于公布2025年硕士研究生招生复试分数线的通知")) {
            Classification mine = service.classify(t, null, null, null, null);
            assertEquals(mine, other.classify(t, null, null, null, null), t);
            assertEquals(v0, mine.modelVersion());
        }

        // a decision records the version that made it, in the database and in its event
        String title = "关于" + (1000 + Math.abs(UUID.randomUUID().hashCode() % 9000)) + "号楼前草坪校园开放日活动安排的通知";
        JsonPath before = dryRun(title);
        Integer modelSaid = before.get("checklistItem");
        assertEquals(v0, before.getInt("modelVersion"));
        int hint = Objects.equals(modelSaid, 2) ? 3 : 2; // disagrees with the model: the item waits for a person
        String id = "model-" + UUID.randomUUID();
        SubmittedItemProcessorTest.send("zzsz", EventCodec.encode(
                SubmittedItemProcessorTest.submitted(id, title, null, ItemKind.OTHER, hint)));
        ItemClassified held = SubmittedItemProcessorTest.find(SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id))), id);
        assertEquals(Decision.HOLD, held.decision());
        assertEquals(v0, held.modelVersion(), "the event names the model version");
        assertEquals(v0, storedModelVersion(id), "the stored decision names the model version");

        // a person corrects it; the model in use does not change its answer until the next retraining
        int corrected = Objects.equals(modelSaid, 30) ? 29 : 30;
        given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                .body(Map.of("action", "CORRECT", "checklistItem", corrected, "note", "校园开放日安排归入第30项（测试）"))
                .post("/api/v1/review/zzsz/" + id + "/1")
                .then().statusCode(200);
        assertEquals(modelSaid, dryRun(title).get("checklistItem"));

        // two replicas retrain on schedule at the same moment: one trains, the other finds its model
        TrainedClassifier third = otherReplica();
        third.loaded();
        CompletableFuture<TrainedClassifier.Retrained> a = CompletableFuture.supplyAsync(other::retrainIfNewCorrections);
        CompletableFuture<TrainedClassifier.Retrained> b = CompletableFuture.supplyAsync(third::retrainIfNewCorrections);
        TrainedClassifier.Retrained ra = a.get();
        TrainedClassifier.Retrained rb = b.get();
        assertEquals(1, (ra.trained() ? 1 : 0) + (rb.trained() ? 1 : 0), ra + " " + rb);
        assertEquals(ra.version(), rb.version());
        int v1 = ra.version();
        assertTrue(v1 > v0, v1 + " after " + v0);
        assertTrue(ra.corrections() >= 1, ra.toString());
        assertEquals(v1, other.loaded().version());
        assertEquals(v1, third.loaded().version());

        // the service notices the new version by itself (poll), and the correction now gives the answer
        await().atMost(Duration.ofSeconds(30)).until(() -> service.loaded().version() == v1);
        JsonPath after = dryRun(title);
        assertEquals(v1, after.getInt("modelVersion"));
        assertEquals(corrected, after.getInt("checklistItem"));
        assertNotEquals(modelSaid, after.get("checklistItem"));
        assertEquals(corrected, other.classify(title, null, null, null, null).checklistItem());

        // nothing new to learn: the schedule does not train again
        TrainedClassifier.Retrained again = other.retrainIfNewCorrections();
        assertEquals(v1, again.version());
        assertTrue(!again.trained());
    }
}
