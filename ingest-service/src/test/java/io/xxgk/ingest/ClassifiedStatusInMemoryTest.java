package io.xxgk.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import io.xxgk.contract.event.SignOffStep;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.ingest.event.Channels;
import io.xxgk.ingest.repository.Item;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast tier: the status consumer and the relay's outgoing channel through SmallRye's in-memory connector, no
 * broker between them and the test (the database is real). Decisions change the stored status, a decision about an
 * older revision changes nothing, an unreadable record goes to the dead-letter channel without holding back the rest.
 */
@QuarkusTest
@TestProfile(ClassifiedStatusInMemoryTest.InMemoryChannels.class)
class ClassifiedStatusInMemoryTest {

    static final String SCHOOL = "jclg";
    static final String DEPT = "教务处";
    private static final AtomicLong OFFSETS = new AtomicLong();

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Test
    void decisionsChangeTheStoredStatusAndAnOlderRevisionDoesNotOverwriteIt() {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String id = "mem-" + UUID.randomUUID().toString().substring(0, 8);
        String other = id + "-b";
        for (String i : List.of(id, other)) {
            given().header("Authorization", auth).contentType(Keys.JSON).body(ItemLifecycleTest.item(i, "荆楚理工学院实验室安全管理办法"))
                    .post("/api/v1/items").then().statusCode(202);
        }
        given().header("Authorization", auth).contentType(Keys.JSON).body(ItemLifecycleTest.item(id, "荆楚理工学院实验室安全管理办法（修订）"))
                .put("/api/v1/items/" + id).then().statusCode(202).body("revision", equalTo(2));

        send(classified(id, 2, Decision.HOLD));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).status, "HELD"::equals);

        // the decision about revision 1 arrives late, in one poll with a decision about another item
        send(classified(id, 1, Decision.PUBLISH), classified(other, 1, Decision.PUBLISH));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(other).status, "PUBLISHED"::equals);
        Item item = stored(id);
        assertEquals("HELD", item.status, "a decision about an older revision never overwrites the current one");
        assertEquals(2, item.revision);
        given().header("Authorization", auth).get("/api/v1/items/" + id).then().statusCode(200)
                .body("status", equalTo("HELD")).body("revision", equalTo(2));
    }

    @Test
    void theDepartmentSeesItsSignOffAwaitingReturnedWithTheNoteAndWithheldWithTheReason() {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String id = "so-" + UUID.randomUUID().toString().substring(0, 8);
        String wh = id + "-w";
        for (String i : List.of(id, wh)) {
            given().header("Authorization", auth).contentType(Keys.JSON).body(ItemLifecycleTest.item(i, "荆楚理工学院实验室安全管理办法"))
                    .post("/api/v1/items").then().statusCode(202);
        }
        SignOff start = SignOff.start(SignOffMode.TWO_LEVEL);
        send(classified(id, 1, Decision.HOLD, "SIGN_OFF_REQUIRED").toBuilder().signOff(start).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).status, "AWAITING_OFFICE"::equals);

        SignOff office = start.with(new SignOffStep(SignOffStage.OFFICE, SignOffAction.APPROVE, "li", "REVIEWER", Instant.now(), null, 2, null));
        send(classified(id, 1, Decision.HOLD).toBuilder().signOff(office).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).status, "AWAITING_LEADER"::equals);
        // a PUBLISH without the leader's step is not public, whatever the decision says
        send(classified(id, 1, Decision.PUBLISH).toBuilder().signOff(office).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).status, "HELD"::equals);

        send(classified(id, 1, Decision.HOLD, "RETURNED_TO_DEPARTMENT").toBuilder().signOff(office.with(new SignOffStep(
                SignOffStage.LEADER, SignOffAction.RETURN, "wang", "LEADER", Instant.now(), "请补充安全责任人名单", 2, null))).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).status, "RETURNED"::equals);
        given().header("Authorization", auth).get("/api/v1/items/" + id).then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("statusNote", equalTo("请补充安全责任人名单"));

        send(classified(wh, 1, Decision.WITHHOLD, "WITHHELD_IN_SIGN_OFF").toBuilder().withholdReason("STATE_SECRET")
                .signOff(SignOff.start(SignOffMode.OFFICE).with(new SignOffStep(SignOffStage.OFFICE, SignOffAction.WITHHOLD, "li",
                        "REVIEWER", Instant.now(), null, 2, "STATE_SECRET"))).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(wh).status, "WITHHELD"::equals);
        given().header("Authorization", auth).get("/api/v1/items/" + wh).then().statusCode(200)
                .body("statusNote", equalTo("涉及国家秘密 (STATE_SECRET)"));

        // the department's revision starts afresh: no old note
        given().header("Authorization", auth).contentType(Keys.JSON).body(ItemLifecycleTest.item(id, "荆楚理工学院实验室安全管理办法（补充）"))
                .put("/api/v1/items/" + id).then().statusCode(202);
        given().header("Authorization", auth).get("/api/v1/items/" + id).then()
                .body("status", equalTo("ACCEPTED")).body("statusNote", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anUnreadableDecisionIsDeadLetteredWithItsReasonAndTheOthersAreApplied() {
        InMemorySink<String> deadLetters = connector.sink(Channels.DEAD_LETTER);
        deadLetters.clear();
        String id = "mem-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Keys.bearer(SCHOOL, DEPT)).contentType(Keys.JSON)
                .body(ItemLifecycleTest.item(id, "荆楚理工学院学生奖励办法")).post("/api/v1/items").then().statusCode(202);

        send("{\"itemId\": \"" + id + "\", \"decision\": ", EventCodec.encode(classified(id, 1, Decision.WITHHOLD, "REJECTED_IN_REVIEW")));

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).status, "REJECTED"::equals);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.received().size() == 1);
        Message<String> dead = deadLetters.received().get(0);
        assertTrue(dead.getPayload().startsWith("{\"itemId\": \"" + id), dead.getPayload());
        String reason = new String(dead.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow()
                .getHeaders().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8);
        assertTrue(!reason.isBlank(), "the dead letter says why");
    }

    @Test
    void theRelaySendsAnAcceptedItemToItsOutgoingChannelWithKeyAndCloudEventHeaders() {
        InMemorySink<String> submitted = connector.sink(Channels.ITEMS_SUBMITTED);
        String id = "mem-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Keys.bearer(SCHOOL, DEPT)).contentType(Keys.JSON)
                .body(ItemLifecycleTest.item(id, "荆楚理工学院校园安全管理规定")).post("/api/v1/items").then().statusCode(202);

        Message<String> sent = await().atMost(Duration.ofSeconds(20)).until(() -> submitted.received().stream()
                .filter(m -> m.getPayload().contains("\"" + id + "\"")).findFirst().orElse(null), m -> m != null);
        ItemSubmitted event = EventCodec.decode(sent.getPayload(), ItemSubmitted.class);
        assertEquals(id, event.itemId());
        assertEquals(1, event.revision());
        assertEquals("荆楚理工学院校园安全管理规定", event.title());
        OutgoingKafkaRecordMetadata<?> metadata = sent.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals(SCHOOL + "/" + id, metadata.getKey(), "keyed by item: one item's revisions keep their order, a school's items spread");
        assertEquals(id, new String(metadata.getHeaders().lastHeader(Topics.CE_ID).value(), StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                io.xxgk.ingest.repository.OutboxMessage.find("messageKey = ?1 and payload like ?2 and sentAt is not null",
                        SCHOOL + "/" + id, "%\"" + id + "\"%").count()) == 1);
    }

    private void send(ItemClassified... events) {
        send(java.util.Arrays.stream(events).map(EventCodec::encode).toArray(String[]::new));
    }

    /** One poll, as the Kafka connector hands it to the batch consumer. */
    private void send(String... values) {
        TopicPartition tp = new TopicPartition(Topics.ITEMS_CLASSIFIED, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String v : values) {
            records.add(new ConsumerRecord<>(tp.topic(), tp.partition(), OFFSETS.getAndIncrement(), SCHOOL, v));
        }
        connector.<ConsumerRecords<String, String>>source(Channels.ITEMS_CLASSIFIED_STATUS)
                .send(new ConsumerRecords<>(Map.of(tp, records), Map.of()));
    }

    private static Item stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Item.<Item>findById(new Item.Key(SCHOOL, id)));
    }

    static ItemClassified classified(String id, int revision, Decision decision, String... holdReasons) {
        return ItemClassified.builder().itemId(id).revision(revision).schoolCode(SCHOOL).department(DEPT)
                .title("荆楚理工学院实验室安全管理办法").kind(ItemKind.RULE).producedDate(LocalDate.of(2025, 3, 3))
                .channels(List.of(Channel.WEBSITE)).checklistItem(2).category(1).confidence(0.9).explanation("rule")
                .decision(decision).holdReasons(List.of(holdReasons)).classifiedAt(Instant.now()).build();
    }

    /** The three channels on the in-memory connector; the database and the rest of the service stay real. */
    public static class InMemoryChannels implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SwitchChannels.class));
        }
    }

    public static class SwitchChannels implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(InMemoryConnector.switchIncomingChannelsToInMemory(Channels.ITEMS_CLASSIFIED_STATUS));
            config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(Channels.ITEMS_SUBMITTED, Channels.DEAD_LETTER));
            return config;
        }

        @Override
        public void stop() {
            InMemoryConnector.clear();
        }
    }
}
