package io.xxgk.ingest;

import io.xxgk.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.testing.RealServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decisions that arrive while PostgreSQL is down are applied when it returns: the status consumer waits the outage
 * out instead of dead-lettering good events (which left those items ACCEPTED for ever).
 */
@QuarkusTest
class StatusConsumerOutageTest {

    static final String DEPT = "教务处";

    @Test
    void decisionsArrivingDuringADatabaseOutageAreAppliedWhenItReturns() throws Exception {
        String auth = Keys.bearer("jclg", DEPT);
        String prefix = "pgdown-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> prefix + "-" + i).toList();
        for (String id : ids) {
            given().header("Authorization", auth).contentType(Keys.JSON).body(ItemLifecycleTest.item(id, "荆楚理工学院实验室安全管理办法"))
                    .post("/api/v1/items").then().statusCode(202);
        }
        RealServers.stack().postgres().close();
        try (KafkaProducer<String, String> producer = producer()) {
            for (String id : ids) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, "jclg", EventCodec.encode(published(id)))).get();
            }
            Thread.sleep(12_000);
        } finally {
            RealServers.stack().postgres().start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String id : ids) {
                given().header("Authorization", auth).get("/api/v1/items/" + id).then().statusCode(200)
                        .body("status", equalTo("PUBLISHED"));
            }
        });
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil(Topics.DEAD_LETTER, seen -> false, Duration.ofSeconds(6));
        assertTrue(dead.stream().noneMatch(r -> r.value().contains(prefix)), "an outage dead-letters nothing");
    }

    static ItemClassified published(String id) {
        return ItemClassified.builder().itemId(id).revision(1).schoolCode("jclg").department(DEPT)
                .title("荆楚理工学院实验室安全管理办法").kind(ItemKind.RULE).producedDate(LocalDate.of(2025, 3, 3))
                .channels(List.of(Channel.WEBSITE)).checklistItem(2).category(1).confidence(0.9).explanation("rule")
                .decision(Decision.PUBLISH).classifiedAt(Instant.now()).build();
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
