package io.xxgk.ingest;

import io.xxgk.testing.TopicProbe;
import io.xxgk.contract.event.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ItemIntakeTest {

    static final String ADMIN = Keys.ADMIN;
    static final String JSON = Keys.JSON;
    String purchasingKey;

    @BeforeEach
    void issueKey() {
        purchasingKey = Keys.of("zzsz", "采购与招标管理处");
    }

    static Map<String, Object> item(String id) {
        return Map.of("id", id, "schoolCode", "zzsz", "department", "采购与招标管理处",
                "title", "2025年水电耗材采购项目招标公告", "body", "本项目采用公开招标方式。",
                "kind", "PROCUREMENT_NOTICE", "producedDate", "2025-03-03", "channels", List.of("WEBSITE", "WECHAT"));
    }

    @Test
    void acceptedItemIsPublishedToKafkaKeyedByItemWithCloudEventHeaders() {
        String id = "cg-" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + purchasingKey).contentType(JSON).body(item(id))
                .when().post("/api/v1/items")
                .then().statusCode(202).body("id", equalTo(id)).body("status", equalTo("ACCEPTED")).body("revision", equalTo(1));

        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(Topics.ITEMS_SUBMITTED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id)), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        assertEquals("zzsz/" + id, record.key());
        ItemSubmitted event = EventCodec.decode(record.value(), ItemSubmitted.class);
        assertEquals("2025年水电耗材采购项目招标公告", event.title());
        assertEquals(ItemKind.PROCUREMENT_NOTICE, event.kind());
        assertEquals(id, new String(record.headers().lastHeader(Topics.CE_ID).value(), StandardCharsets.UTF_8));
        assertEquals("/schools/zzsz", new String(record.headers().lastHeader(Topics.CE_SOURCE).value(), StandardCharsets.UTF_8));
        assertEquals(1, records.stream().filter(r -> r.value().contains(id)).count(), "sent once");

        given().header("Authorization", "Bearer " + purchasingKey).when().get("/api/v1/items/" + id)
                .then().statusCode(200).body("title", equalTo("2025年水电耗材采购项目招标公告"));
    }

    @Test
    void anInternalItemTravelsWithItsScopeAndAnUnknownScopeIsNamed() {
        String id = "oa-" + UUID.randomUUID();
        Map<String, Object> internal = new java.util.HashMap<>(item(id));
        internal.put("scope", "INTERNAL");
        given().header("Authorization", "Bearer " + purchasingKey).contentType(JSON).body(internal)
                .when().post("/api/v1/items").then().statusCode(202);
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(Topics.ITEMS_SUBMITTED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id)), Duration.ofSeconds(30));
        ItemSubmitted event = EventCodec.decode(records.stream().filter(r -> r.value().contains(id)).findFirst()
                .orElseThrow().value(), ItemSubmitted.class);
        assertEquals(Scope.INTERNAL, event.scope());

        Map<String, Object> bad = new java.util.HashMap<>(item("oa-bad-" + UUID.randomUUID()));
        bad.put("scope", "内部");
        given().header("Authorization", "Bearer " + purchasingKey).contentType(JSON).body(bad)
                .when().post("/api/v1/items")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("scope"))
                .body("errors.find { it.field == 'scope' }.messageZh", containsString("公开范围"));
    }

    @Test
    void sameIdSameContentReturnsFirstAnswerDifferentContentIsConflict() {
        String id = "cg-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + purchasingKey).contentType(JSON).body(item(id))
                    .when().post("/api/v1/items").then().statusCode(202).body("revision", equalTo(1));
        }
        Map<String, Object> changed = new java.util.HashMap<>(item(id));
        changed.put("title", "2025年实训设备采购项目招标公告");
        given().header("Authorization", "Bearer " + purchasingKey).contentType(JSON).body(changed)
                .when().post("/api/v1/items")
                .then().statusCode(409).contentType(containsString("application/problem+json"));
    }

    @Test
    void blankTitleAndFutureDateAreNamedInAProblem() {
        Map<String, Object> bad = new java.util.HashMap<>(item("cg-bad-1"));
        bad.put("title", "   ");
        bad.put("producedDate", "2999-01-01");
        bad.put("kind", "MEMO");
        given().header("Authorization", "Bearer " + purchasingKey).contentType(JSON).body(bad)
                .when().post("/api/v1/items")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("producedDate"))
                .body("errors.field", hasItem("kind"))
                .body("errors.find { it.field == 'title' }.messageZh", containsString("标题"));
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        given().header("Authorization", "Bearer " + purchasingKey).contentType(JSON).body("{\"id\": \"x\", \"title\": ")
                .when().post("/api/v1/items")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("title", containsString("JSON"));
    }

    @Test
    void aDepartmentCannotWriteForAnotherSchool() {
        Map<String, Object> other = new java.util.HashMap<>(item("cg-other-" + UUID.randomUUID()));
        other.put("schoolCode", "jclg");
        given().header("Authorization", "Bearer " + purchasingKey).contentType(JSON).body(other)
                .when().post("/api/v1/items")
                .then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("detail", containsString("own school"));
    }

    @Test
    void missingOrUnknownKeyIsRejectedWithAReason() {
        given().contentType(JSON).body(item("cg-anon"))
                .when().post("/api/v1/items")
                .then().statusCode(401).contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer xxgk_not-a-real-key").contentType(JSON).body(item("cg-anon"))
                .when().post("/api/v1/items")
                .then().statusCode(401).body("detail", containsString("unknown API key"));
    }

    @Test
    void revokedKeyStopsWorking() {
        String key = Keys.issue("zzsz", "财务处");
        String keyId = given().header("Authorization", "Bearer " + ADMIN).when().get("/api/v1/admin/api-keys?schoolCode=zzsz")
                .then().statusCode(200).extract().path("find { it.department == '财务处' && it.revokedAt == null }.id");
        given().header("Authorization", "Bearer " + ADMIN).when().delete("/api/v1/admin/api-keys/" + keyId)
                .then().statusCode(200);
        Map<String, Object> budget = new java.util.HashMap<>(item("ys-" + UUID.randomUUID()));
        budget.put("department", "财务处");
        given().header("Authorization", "Bearer " + key).contentType(JSON).body(budget)
                .when().post("/api/v1/items")
                .then().statusCode(401).body("detail", containsString("revoked"));
        assertTrue(key.startsWith("xxgk_"));
    }

    @Test
    void healthIsUpAgainstRealServers() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("object-storage"));
    }
}
