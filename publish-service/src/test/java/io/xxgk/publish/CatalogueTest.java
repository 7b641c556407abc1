package io.xxgk.publish;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import io.xxgk.testing.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class CatalogueTest {

    static ItemClassified event(String school, String id, int revision, String title, Integer item, Integer category, Decision decision) {
        return ItemClassified.builder().itemId(id).revision(revision).schoolCode(school).department("采购与招标管理处")
                .title(title).body("正文").kind(ItemKind.PROCUREMENT_NOTICE).producedDate(LocalDate.of(2025, 3, 3))
                .publishedDate(LocalDate.of(2025, 3, 5)).channels(List.of(Channel.WEBSITE)).checklistItem(item)
                .category(category).confidence(0.9).explanation("rule").decision(decision).classifiedAt(Instant.now())
                .build();
    }

    static void sendRaw(String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, key, value)).get();
        }
    }

    static void send(ItemClassified... events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (ItemClassified e : events) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))).get();
            }
        }
    }

    @Test
    void schoolsAreListedWithTheirKind() {
        given().when().get("/api/v1/schools").then().statusCode(200)
                .body("code", hasItem("zzsz"))
                .body("find { it.code == 'jclg' }.name", equalTo("荆楚理工学院"))
                .body("find { it.code == 'zzsz' }.kind", equalTo("VOCATIONAL"));
    }

    @Test
    void catalogueShowsPublishedEntriesUnderTheirItemAndHidesHeldOnes() throws Exception {
        String tender = "cat-" + UUID.randomUUID();
        String held = "held-" + UUID.randomUUID();
        send(event("hnxx", tender, 1, "实训室设备采购项目招标公告", 18, 3, Decision.PUBLISH),
                event("hnxx", held, 1, "含个人信息的名单", 37, 6, Decision.HOLD));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/schools/hnxx/catalogue").then().statusCode(200)
                        .body("categories", hasSize(10))
                        .body("categories.items.flatten()", hasSize(50))
                        .body("categories[2].items.find { it.number == 18 }.status", equalTo("PUBLISHED"))
                        .body("categories[2].items.find { it.number == 18 }.entries.id", hasItem(tender)));

        given().when().get("/api/v1/schools/hnxx/catalogue").then()
                .body("categories.items.flatten().entries.flatten().id", not(hasItem(held)))
                .body("categories[1].items.find { it.number == 11 }.status", equalTo("NOT_APPLICABLE"))
                .body("categories[9].items.find { it.number == 50 }.status", equalTo("MISSING"));
    }

    @Test
    void withdrawalRemovesTheEntryAndOlderRevisionsDoNotComeBack() throws Exception {
        String id = "wd-" + UUID.randomUUID();
        send(event("xykj", id, 1, "后勤物业服务项目招标公告", 18, 3, Decision.PUBLISH));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/schools/xykj/catalogue").then()
                        .body("categories[2].items.find { it.number == 18 }.entries.id", hasItem(id)));

        send(event("xykj", id, 2, "后勤物业服务项目招标公告", 18, 3, Decision.WITHDRAW),
                event("xykj", id, 1, "后勤物业服务项目招标公告", 18, 3, Decision.PUBLISH));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/schools/xykj/catalogue").then()
                        .body("categories[2].items.find { it.number == 18 }.entries.flatten().id", not(hasItem(id))));
    }

    @Test
    void aHeldItemAppearsOnceAPersonHasDecidedAndPoisonIsSetAside() throws Exception {
        String id = "rev-" + UUID.randomUUID();
        String poisonMarker = "poison-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, "hnxx", "{broken " + poisonMarker)).get();
        }
        send(event("hnxx", id, 1, "2025年国家助学金拟资助名单公示", 37, 6, Decision.HOLD),
                event("hnxx", id, 1, "2025年国家助学金拟资助名单公示", 37, 6, Decision.PUBLISH));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/schools/hnxx/catalogue").then()
                        .body("categories[5].items.find { it.number == 37 }.entries.id", hasItem(id)));

        List<ConsumerRecord<String, String>> seen = TopicProbe.readUntil(Topics.DEAD_LETTER, records -> records.stream()
                .anyMatch(r -> r.value().contains(poisonMarker) && r.headers().lastHeader("dead-letter-reason") != null),
                Duration.ofSeconds(30));
        assertTrue(seen.stream().anyMatch(r -> r.value().contains(poisonMarker) && r.headers().lastHeader("dead-letter-reason") != null),
                "the poison record is dead-lettered with its reason");
    }

    @Test
    void aSchoolsOwnChecklistVariantShowsItsResponsibleDepartments() {
        given().when().get("/api/v1/schools/zzsz/catalogue").then().statusCode(200)
                .body("checklistVariant", equalTo("zzsz-2024"))
                .body("categories.items.flatten()", hasSize(50))
                .body("categories[2].items.find { it.number == 18 }.responsibleDepartment", equalTo("采购与招标管理处"))
                .body("categories[2].items.find { it.number == 18 }.subItems", hasSize(3));
        given().when().get("/api/v1/schools/hnxx/catalogue").then()
                .body("checklistVariant", equalTo("national-2014"))
                .body("categories[2].items.find { it.number == 18 }.responsibleDepartment", equalTo(null));
    }

    @Test
    void unknownSchoolIsAProblem() {
        given().when().get("/api/v1/schools/nope/catalogue").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .header("Cache-Control", equalTo("no-store"))
                .body("detail", containsString("nope"));
    }
}
