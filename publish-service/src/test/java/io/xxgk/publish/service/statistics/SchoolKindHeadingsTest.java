package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A school's own headings (xxgk.statistics.schools.<code>.*) replace the default mapping for that school only. */
@QuarkusTest
@TestProfile(SchoolKindHeadingsTest.JclgHeadings.class)
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class SchoolKindHeadingsTest {

    public static class JclgHeadings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "xxgk.statistics.schools.jclg.kind-headings.\"财务类\"", "BUDGET,FINAL_ACCOUNT,FEE_SCHEDULE",
                    "xxgk.statistics.schools.jclg.kind-headings.\"新闻类\"", "NEWS",
                    "xxgk.statistics.schools.jclg.heading-order", "新闻类,财务类",
                    "xxgk.statistics.schools.jclg.other-heading", "其他类");
        }
    }

    static ItemClassified item(ItemKind kind, LocalDate date) {
        return ItemClassified.builder().itemId("jclg16-" + UUID.randomUUID()).revision(1).schoolCode("jclg")
                .department("党政办公室").title(kind.label()).body("正文").kind(kind).producedDate(date).publishedDate(date)
                .channels(List.of(Channel.WEBSITE)).confidence(0.9).explanation("test").decision(Decision.PUBLISH)
                .classifiedAt(Instant.now()).build();
    }

    @Test
    void jclgCountsUnderItsOwnHeadingsOthersKeepTheDefault() throws Exception {
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            for (ItemClassified e : List.of(item(ItemKind.BUDGET, LocalDate.of(2016, 3, 1)), item(ItemKind.NEWS, LocalDate.of(2016, 3, 2)),
                    item(ItemKind.TEACHING, LocalDate.of(2016, 3, 3)), item(ItemKind.FEE_SCHEDULE, LocalDate.of(2016, 3, 4)))) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, "jclg", EventCodec.encode(e))).get();
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/api/v1/schools/jclg/statistics?year=2016").then().statusCode(200)
                        .body("published", equalTo(4))
                        .body("byKind.key", contains("新闻类", "财务类", "其他类"))
                        .body("byKind.count", contains(1, 2, 1))
                        .body("byKind.percent", contains(25.0f, 50.0f, 25.0f)));

        given().when().get("/api/v1/schools/hnxx/statistics?year=2016").then().statusCode(200)
                .body("byKind.key", contains("公文类", "教学类", "科研类", "招生类", "就业类", "招聘类", "招投标类", "其他业务动态类"));
    }
}
