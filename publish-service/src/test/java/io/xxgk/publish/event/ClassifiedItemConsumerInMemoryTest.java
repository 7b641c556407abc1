package io.xxgk.publish.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.publish.repository.CatalogueEntry;
import io.xxgk.publish.repository.CatalogueHistory;
import io.xxgk.testing.RealServersResource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast tier of {@link ClassifiedItemConsumer}: polls are handed to it through SmallRye's InMemoryConnector (no
 * broker), stored in the real database. The consumer takes a whole poll ({@code batch=true}); the in-memory
 * connector has no batching of its own, so each poll is sent as one {@link ConsumerRecords} payload, exactly what the
 * Kafka connector delivers. Dates in 1996, outside every period the other tests count.
 */
@QuarkusTest
@TestProfile(ClassifiedItemConsumerInMemoryTest.InMemoryChannels.class)
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ClassifiedItemConsumerInMemoryTest {

    /**
     * Every channel of publish on the in-memory connector; the database stays real. (Not through
     * InMemoryConnector.switch*ChannelsToInMemory: those also set system properties, which would outlive this
     * profile and take the broker away from the test classes that run after it in the same JVM.)
     */
    public static class InMemoryChannels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            for (String channel : List.of(Channels.ITEMS_CLASSIFIED, Channels.REQUESTS)) {
                config.put("mp.messaging.incoming." + channel + ".connector", InMemoryConnector.CONNECTOR);
            }
            config.put("mp.messaging.outgoing." + Channels.DEAD_LETTER + ".connector", InMemoryConnector.CONNECTOR);
            return config;
        }
    }

    static final String SCHOOL = "xykj";
    static final LocalDate PRODUCED = LocalDate.of(1996, 4, 1);

    @Inject
    @Any
    InMemoryConnector connector;

    private final String run = "mem-" + UUID.randomUUID().toString().substring(0, 8);
    private long offset;

    @BeforeEach
    void clearDeadLetters() {
        connector.sink(Channels.DEAD_LETTER).clear();
    }

    @Test
    void aPollIsStoredAndAMalformedRecordGoesAloneToTheDeadLetterChannelWithItsReason() {
        ItemClassified a = item("a", 1, "校园开放日通知");
        ItemClassified b = item("b", 1, "图书馆闭馆通知");
        poll(EventCodec.encode(a), "{\"itemId\": \"" + run + "-bad\", \"schoolCode\": \"" + SCHOOL + "\"}", EventCodec.encode(b));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("校园开放日通知", entry(a.itemId()).title);
            assertEquals("图书馆闭馆通知", entry(b.itemId()).title);
        });
        InMemorySink<String> deadLetters = connector.sink(Channels.DEAD_LETTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.received().size() == 1);
        Message<String> dead = deadLetters.received().get(0);
        assertTrue(dead.getPayload().contains(run + "-bad"));
        String reason = header(dead, DeadLetters.REASON);
        assertTrue(reason.contains("decision"), reason);
        assertEquals(Topics.ITEMS_CLASSIFIED, header(dead, DeadLetters.TOPIC));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> CatalogueEntry.findEntry(SCHOOL, run + "-bad")));
        given().get("/api/v1/schools/" + SCHOOL + "/items/" + a.itemId()).then().statusCode(200).body("revision", equalTo(1));
    }

    @Test
    void aRevisionReplacesTheEntryAndAWithdrawalHidesIt() {
        ItemClassified first = item("rev", 1, "2026年招生章程（征求意见稿）");
        ItemClassified gone = item("gone", 1, "即将撤回的通知");
        poll(EventCodec.encode(first), EventCodec.encode(gone));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertNotNull(entry(gone.itemId())));
        given().get("/api/v1/schools/" + SCHOOL + "/items/" + gone.itemId()).then().statusCode(200);

        ItemClassified second = first.toBuilder().revision(2).title("2026年招生章程").build();
        ItemClassified withdrawal = gone.toBuilder().revision(2).decision(Decision.WITHDRAW).build();
        poll(EventCodec.encode(second), EventCodec.encode(withdrawal));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            CatalogueEntry replaced = entry(first.itemId());
            assertEquals(2, replaced.revision);
            assertEquals("2026年招生章程", replaced.title);
            assertEquals("WITHDRAWN", entry(gone.itemId()).status);
        });
        given().get("/api/v1/schools/" + SCHOOL + "/items/" + first.itemId()).then().statusCode(200)
                .body("title", equalTo("2026年招生章程")).body("revision", equalTo(2));
        given().get("/api/v1/schools/" + SCHOOL + "/items/" + gone.itemId()).then().statusCode(404);
        assertTrue(connector.sink(Channels.DEAD_LETTER).received().isEmpty());
    }

    @Test
    void aDuplicateRevisionChangesNothing() {
        ItemClassified original = item("dup", 1, "原始标题");
        poll(EventCodec.encode(original));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertNotNull(entry(original.itemId())));

        // redelivered, and even a replay of the same revision with other content, is already applied
        ItemClassified replay = original.toBuilder().title("重放时改过的标题").build();
        poll(EventCodec.encode(original), EventCodec.encode(replay));
        ItemClassified marker = item("dup-marker", 1, "之后的一条");
        poll(EventCodec.encode(marker));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertNotNull(entry(marker.itemId())));

        CatalogueEntry e = entry(original.itemId());
        assertEquals(1, e.revision);
        assertEquals("原始标题", e.title);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                CatalogueHistory.count("schoolCode = ?1 and itemId = ?2", SCHOOL, original.itemId())));
        assertTrue(connector.sink(Channels.DEAD_LETTER).received().isEmpty());
    }

    private ItemClassified item(String suffix, int revision, String title) {
        return ItemClassified.builder().schoolCode(SCHOOL).itemId(run + "-" + suffix).kind(ItemKind.NEWS)
                .decision(Decision.PUBLISH).classifiedAt(Instant.now()).revision(revision).title(title).body("正文")
                .department("党政办公室").producedDate(PRODUCED).publishedDate(PRODUCED.plusDays(2)).confidence(0.9)
                .explanation("test").build();
    }

    /** One poll of the classified-items topic, as the Kafka connector hands it to a batch consumer. */
    private void poll(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String v : values) {
            records.add(new ConsumerRecord<>(Topics.ITEMS_CLASSIFIED, 0, offset++, SCHOOL, v));
        }
        InMemorySource<ConsumerRecords<String, String>> source = connector.source(Channels.ITEMS_CLASSIFIED);
        source.send(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ITEMS_CLASSIFIED, 0), records)));
    }

    private static CatalogueEntry entry(String itemId) {
        CatalogueEntry e = QuarkusTransaction.requiringNew().call(() -> CatalogueEntry.findEntry(SCHOOL, itemId));
        assertNotNull(e, itemId + " is not stored");
        return e;
    }

    private static String header(Message<String> m, String key) {
        Header h = m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders().lastHeader(key);
        assertNotNull(h, "header " + key);
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
