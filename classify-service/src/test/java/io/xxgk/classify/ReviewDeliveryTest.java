package io.xxgk.classify;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.classify.repository.StoredDecision;
import io.xxgk.classify.service.ClassificationService;
import io.xxgk.classify.service.ReviewService;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A review decision reaches the topic only once it is committed; a committed but unsent one is re-sent. */
@QuarkusTest
class ReviewDeliveryTest {

    @Inject
    ClassificationService classification;
    @Inject
    ReviewService review;
    @Inject
    AgroalDataSource db;

    /** A held item, stored as the processor stores it (the hint disagrees with a confident rule). */
    String held(String prefix) {
        String id = prefix + UUID.randomUUID();
        ItemSubmitted in = SubmittedItemProcessorTest.submitted(id, "2025年学生公寓家具采购项目招标公告", null, ItemKind.PROCUREMENT_NOTICE, 2);
        ItemClassified c = classification.decide(in);
        assertEquals(Decision.HOLD, c.decision());
        QuarkusTransaction.requiringNew().run(() -> StoredDecision.store(c, 2));
        return id;
    }

    void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static List<ItemClassified> onTopic(String id, Decision until) {
        return SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED, seen -> seen.stream()
                        .anyMatch(r -> r.value().contains(id) && r.value().contains("\"" + until.name() + "\"")))
                .stream().map(ConsumerRecord::value).filter(v -> v.contains(id))
                .map(v -> EventCodec.decode(v, ItemClassified.class)).toList();
    }

    @Test
    void aDecisionWhoseCommitFailsSendsNothingAndALaterRejectTakesEffect() throws Exception {
        String id = held("commitfail-");
        // the database refuses to record a PUBLISH for this item: the commit of CONFIRM fails
        sql("create or replace function refuse_publish() returns trigger language plpgsql as $$ begin "
                + "if new.item_id like 'commitfail-%' and new.decision = 'PUBLISH' then raise exception 'refused by test'; end if; "
                + "return new; end $$");
        sql("drop trigger if exists refuse_publish on classification");
        sql("create trigger refuse_publish before update on classification for each row execute function refuse_publish()");
        try {
            int status = given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                    .body(Map.of("action", "CONFIRM")).post("/api/v1/review/zzsz/" + id + "/1").then().extract().statusCode();
            assertTrue(status >= 500, "the commit failed, the decision was not taken: " + status);

            given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                    .body(Map.of("action", "REJECT", "note", "不予公开")).post("/api/v1/review/zzsz/" + id + "/1")
                    .then().statusCode(200).body("decision", equalTo("WITHHOLD"));
        } finally {
            sql("drop trigger if exists refuse_publish on classification");
        }
        List<ItemClassified> events = onTopic(id, Decision.WITHHOLD);
        assertEquals(List.of(Decision.WITHHOLD), events.stream().map(ItemClassified::decision).toList(),
                "only the committed decision reached the topic");
        String stored = QuarkusTransaction.requiringNew().call(() -> StoredDecision.find("zzsz", id, 1).orElseThrow().decision);
        assertEquals("WITHHOLD", stored);
    }

    @Test
    void aCommittedDecisionTheBrokerDidNotAcknowledgeIsResent() throws Exception {
        String id = held("unsent-");
        given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                .body(Map.of("action", "CORRECT", "checklistItem", 18)).post("/api/v1/review/zzsz/" + id + "/1")
                .then().statusCode(200).body("decision", equalTo("PUBLISH"));
        assertEquals(1, onTopic(id, Decision.PUBLISH).stream().filter(e -> e.decision() == Decision.PUBLISH).count());

        // as if the broker had not acknowledged it: the unsent mark is written with the decision, cleared after the send
        String event = QuarkusTransaction.requiringNew().call(() -> StoredDecision.find("zzsz", id, 1).orElseThrow().event);
        sql("insert into unsent_review (school_code, item_id, revision, event, decided_at) values ('zzsz', '" + id + "', 1, '"
                + event.replace("'", "''") + "', now() - interval '1 hour')");
        assertTrue(review.resendUnsent(Duration.ofSeconds(60)) >= 1);
        assertEquals(2, SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().filter(r -> r.value().contains(id)).count() >= 2).stream()
                .filter(r -> r.value().contains(id) && r.value().contains("\"PUBLISH\"")).count());
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from unsent_review where item_id = '" + id + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "sent, so no longer marked unsent");
        }

        // the same decision asked again (a client retrying after a 503) answers the decision taken
        given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                .body(Map.of("action", "CORRECT", "checklistItem", 18)).post("/api/v1/review/zzsz/" + id + "/1")
                .then().statusCode(200).body("decision", equalTo("PUBLISH"));
        given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                .body(Map.of("action", "REJECT")).post("/api/v1/review/zzsz/" + id + "/1")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
