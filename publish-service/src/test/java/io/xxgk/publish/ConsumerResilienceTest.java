package io.xxgk.publish;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.publish.service.statistics.Zzsz2022Fixture;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import io.xxgk.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both consumers of publish through a database outage (waited out, nothing dead-lettered, nothing lost) and with an
 * unstorable record in the middle of a poll (set aside with the reason; the others of the poll are stored).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ConsumerResilienceTest {

    @Test
    void eventsAndRegisterEntriesArrivingDuringADatabaseOutageAreStoredWhenItReturns() throws Exception {
        String prefix = "pgdown-" + UUID.randomUUID().toString().substring(0, 8);
        RealServers.stack().postgres().close();
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, "xykj",
                        EventCodec.encode(CatalogueTest.event("xykj", prefix + "-" + i, 1, "后勤服务招标公告 " + prefix, 18, 3, Decision.PUBLISH)))).get();
            }
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(Topics.REQUESTS, "xykj", EventCodec.encode(request(prefix + "-r" + i)))).get();
            }
            Thread.sleep(15_000);
        } finally {
            RealServers.stack().postgres().start();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath page = given().get("/api/v1/schools/xykj/items?limit=100&q=" + prefix).then().statusCode(200).extract().jsonPath();
            assertEquals(5, page.getList("items.findAll { it.id.startsWith('" + prefix + "') }").size());
            given().get("/api/v1/schools/xykj/statistics?year=2012").then().statusCode(200)
                    .body("requests.received", org.hamcrest.Matchers.equalTo(3));
        });
        assertTrue(deadLettered(prefix).isEmpty(), "an outage dead-letters nothing");
    }

    @Test
    void anUnstorableEventIsSetAsideAndTheRestOfItsPollIsStored() throws Exception {
        String prefix = "iso-" + UUID.randomUUID().toString().substring(0, 8);
        String tooLongId = prefix + "-" + "x".repeat(300);
        double deadBefore = deadLetteredMetric();
        CatalogueTest.send(
                CatalogueTest.event("hnxx", prefix + "-before", 1, "实训楼维修工程招标公告 " + prefix, 18, 3, Decision.PUBLISH),
                CatalogueTest.event("hnxx", tooLongId, 1, "实训楼维修工程招标公告 " + prefix, 18, 3, Decision.PUBLISH),
                CatalogueTest.event("hnxx", prefix + "-after", 1, "实训楼维修工程招标公告 " + prefix, 18, 3, Decision.PUBLISH));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath page = given().get("/api/v1/schools/hnxx/items?limit=100&q=" + prefix).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            assertTrue(ids.contains(prefix + "-before") && ids.contains(prefix + "-after"), "the rest of the poll is stored: " + ids);
        });
        List<ConsumerRecord<String, String>> dead = deadLettered(prefix);
        assertEquals(1, dead.size(), "exactly the unstorable event is set aside");
        assertTrue(dead.get(0).value().contains(tooLongId));
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("stored") || reason.contains("long"), reason);
        // operators see it in /q/metrics, beside Kafka's own consumer lag
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(deadBefore + 1, deadLetteredMetric()));
        assertTrue(given().get("/q/metrics").then().extract().asString().lines().anyMatch(l ->
                l.startsWith("kafka_consumer_fetch_manager_records_lag_max{") && l.contains("items-classified")), "consumer lag exported");
    }

    private static double deadLetteredMetric() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("xxgk_dead_lettered_total{channel=\"items-classified\"} "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    static DisclosureRequestEvent request(String id) {
        return new DisclosureRequestEvent(1, id, 1, "xykj", RecordType.APPLICATION, LocalDate.of(2012, 3, 2),
                ApplicantType.NATURAL_PERSON, "申请公开某项目经费", null, null, null, null, Instant.now());
    }

    static List<ConsumerRecord<String, String>> deadLettered(String marker) {
        return TopicProbe.containing(Topics.DEAD_LETTER, marker, Duration.ofSeconds(8));
    }
}
