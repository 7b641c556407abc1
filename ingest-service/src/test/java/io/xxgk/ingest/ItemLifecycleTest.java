package io.xxgk.ingest;

import io.xxgk.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.testing.RealServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Revisions (更正), withdrawals (撤回), batches and status tracking. */
@QuarkusTest
class ItemLifecycleTest {

    static final String DEPT = "教务处";

    static Map<String, Object> item(String id, String title) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("schoolCode", "jclg");
        m.put("department", DEPT);
        m.put("title", title);
        m.put("kind", "RULE");
        m.put("producedDate", "2025-03-03");
        return m;
    }

    /** One school's items spread over the topic's partitions (so a school's bulk import is consumed in parallel). */
    @Test
    void oneSchoolsItemsSpreadOverThePartitions() {
        String prefix = "spread-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            batch.add(item(prefix + "-" + i, "荆楚理工学院第" + i + "号管理规定"));
        }
        given().header("Authorization", Keys.bearer("jclg", DEPT)).contentType(Keys.JSON).body(batch)
                .post("/api/v1/items/batch").then().statusCode(200).body("accepted", equalTo(24));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = TopicProbe.readUntil(Topics.ITEMS_SUBMITTED,
                        seen -> seen.stream().filter(r -> r.value().contains(prefix)).count() >= 24, Duration.ofSeconds(30))
                .stream().filter(r -> r.value().contains(prefix)).toList();
        long partitions = records.stream().map(r -> r.partition()).distinct().count();
        // 24 keys over 6 partitions: all in one would have probability 6^-23
        assertTrue(partitions >= 2, "one school's 24 items on " + partitions + " partition(s)");
    }

    @Test
    void revisionAndWithdrawalKeepTheHistoryAndReachKafka() {
        String id = "jw-" + UUID.randomUUID();
        String auth = Keys.bearer("jclg", DEPT);
        given().header("Authorization", auth).contentType(Keys.JSON).body(item(id, "荆楚理工学院学生学籍管理规定"))
                .post("/api/v1/items").then().statusCode(202).body("revision", equalTo(1));
        given().header("Authorization", auth).contentType(Keys.JSON).body(item(id, "荆楚理工学院学生学籍管理规定（2025年修订）"))
                .put("/api/v1/items/" + id).then().statusCode(202).body("revision", equalTo(2));
        // the same revision again changes nothing; the original content again answers the first acceptance
        given().header("Authorization", auth).contentType(Keys.JSON).body(item(id, "荆楚理工学院学生学籍管理规定（2025年修订）"))
                .put("/api/v1/items/" + id).then().statusCode(202).body("revision", equalTo(2));
        given().header("Authorization", auth).contentType(Keys.JSON).body(item(id, "荆楚理工学院学生学籍管理规定"))
                .post("/api/v1/items").then().statusCode(202).body("revision", equalTo(1));

        given().header("Authorization", auth).contentType(Keys.JSON).body(Map.of())
                .post("/api/v1/items/" + id + "/withdrawal").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().header("Authorization", Keys.bearer("jclg", "学生工作处")).contentType(Keys.JSON).body(Map.of("reason", "误发"))
                .post("/api/v1/items/" + id + "/withdrawal").then().statusCode(403);
        given().header("Authorization", auth).contentType(Keys.JSON).body(Map.of("reason", "文件已废止"))
                .post("/api/v1/items/" + id + "/withdrawal").then().statusCode(202).body("revision", equalTo(3))
                .body("status", equalTo("WITHDRAWN"));
        given().header("Authorization", auth).contentType(Keys.JSON).body(item(id, "再次修改"))
                .put("/api/v1/items/" + id).then().statusCode(409);

        given().header("Authorization", auth).get("/api/v1/items/" + id + "/history").then().statusCode(200)
                .body("", hasSize(3)).body("action", equalTo(List.of("SUBMIT", "REVISE", "WITHDRAW")));

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = TopicProbe.readUntil(Topics.ITEMS_SUBMITTED,
                        seen -> seen.stream().filter(r -> r.value().contains(id)).count() >= 3, Duration.ofSeconds(30))
                .stream().filter(r -> r.value().contains(id)).toList();
        List<ItemSubmitted> events = records.stream().map(r -> EventCodec.decode(r.value(), ItemSubmitted.class)).toList();
        assertEquals(List.of(ItemAction.SUBMIT, ItemAction.REVISE, ItemAction.WITHDRAW), events.stream().map(ItemSubmitted::action).toList());
        // keyed by item: its three events share one partition, in order, whatever partitions the school's other items use
        assertEquals(List.of("jclg/" + id, "jclg/" + id, "jclg/" + id), records.stream().map(r -> r.key()).toList());
        assertEquals(1, records.stream().map(r -> r.partition()).distinct().count());
        assertTrue(records.get(0).offset() < records.get(1).offset() && records.get(1).offset() < records.get(2).offset());
        assertEquals("文件已废止", events.get(2).withdrawReason());
        assertEquals("荆楚理工学院学生学籍管理规定（2025年修订）", events.get(2).title());
    }

    @Test
    void batchAnswersEachItemAndStoresTheValidOnes() {
        String auth = Keys.bearer("jclg", DEPT);
        String prefix = "b-" + UUID.randomUUID();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(item(prefix + "-" + i, "荆楚理工学院教学管理规定第" + i + "号"));
        }
        Map<String, Object> bad = item(prefix + "-bad", "");
        batch.add(bad);
        Map<String, Object> other = item(prefix + "-other", "其他学校");
        other.put("schoolCode", "zzsz");
        batch.add(other);

        given().header("Authorization", auth).contentType(Keys.JSON).body(batch).post("/api/v1/items/batch").then()
                .statusCode(200).body("total", equalTo(5)).body("accepted", equalTo(3)).body("rejected", equalTo(2))
                .body("results[0].status", equalTo(202)).body("results[0].result.revision", equalTo(1))
                .body("results[3].status", equalTo(400)).body("results[3].problem.errors.field", hasItem("title"))
                .body("results[4].status", equalTo(403));
        given().header("Authorization", auth).get("/api/v1/items/" + prefix + "-2").then().statusCode(200);

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(item(prefix + "-x" + i, "t"));
        }
        given().header("Authorization", auth).contentType(Keys.JSON).body(tooMany).post("/api/v1/items/batch").then()
                .statusCode(400).body("detail", containsString("1000"));
    }

    @Test
    void statusFollowsTheClassifierDecision() throws Exception {
        String auth = Keys.bearer("jclg", DEPT);
        String id = "st-" + UUID.randomUUID();
        given().header("Authorization", auth).contentType(Keys.JSON).body(item(id, "荆楚理工学院实验室安全管理办法"))
                .post("/api/v1/items").then().statusCode(202).body("status", equalTo("ACCEPTED"));
        ItemClassified decided = ItemClassified.builder().itemId(id).revision(1).schoolCode("jclg").department(DEPT)
                .title("荆楚理工学院实验室安全管理办法").kind(ItemKind.RULE).producedDate(LocalDate.of(2025, 3, 3))
                .channels(List.of(Channel.WEBSITE)).checklistItem(2).category(1).confidence(0.9).explanation("rule")
                .decision(Decision.HOLD).holdReasons(List.of("PERSONAL_DATA")).classifiedAt(Instant.now()).build();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, "jclg", EventCodec.encode(decided))).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", auth).get("/api/v1/items/" + id).then().body("status", equalTo("HELD")));

        ItemClassified rejected = ItemClassified.builder().itemId(id).revision(1).schoolCode("jclg").department(DEPT)
                .title(decided.title()).kind(ItemKind.RULE).producedDate(decided.producedDate())
                .channels(decided.channels()).checklistItem(2).category(1).confidence(1.0).explanation("reviewed")
                .decision(Decision.WITHHOLD).holdReasons(List.of("REJECTED_IN_REVIEW")).withholdReason("OTHER")
                .classifiedAt(Instant.now()).build();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, "jclg", EventCodec.encode(rejected))).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", auth).get("/api/v1/items/" + id).then().body("status", equalTo("REJECTED")));
    }
}
