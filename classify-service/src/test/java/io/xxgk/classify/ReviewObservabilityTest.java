package io.xxgk.classify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review queue's size in /q/metrics and GET /api/v1/review/summary, the dead-letter counter and Kafka lag. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "classify"))
class ReviewObservabilityTest {

    private static final String SCHOOL = "zzsz"; // the school of SubmittedItemProcessorTest.submitted

    @Test
    void aHeldItemRaisesTheHeldGaugeAndTheSummaryAndADecisionLowersThem() throws Exception {
        String schoolSeries = "xxgk_review_held_school{school=\"" + SCHOOL + "\"}";
        // the gauges are refreshed on a timer; items held by earlier tests reach the summary (a query) first
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(heldInSummary(SCHOOL), metric(schoolSeries), "gauge and summary agree before"));
        double total = metric("xxgk_review_held");
        double school = metric(schoolSeries);
        long summaryBefore = heldInSummary(SCHOOL);
        assertEquals(school, summaryBefore, "gauge and summary agree before");

        String id = "obs-" + UUID.randomUUID();
        SubmittedItemProcessorTest.send(SCHOOL, EventCodec.encode(
                SubmittedItemProcessorTest.submitted(id, "2025年学生公寓家具采购项目招标公告", null, ItemKind.PROCUREMENT_NOTICE, 2)));
        assertEquals(Decision.HOLD, SubmittedItemProcessorTest.find(SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id))), id).decision());

        assertEquals(total + 1, awaitMetric("xxgk_review_held", v -> v == total + 1));
        assertEquals(school + 1, awaitMetric("xxgk_review_held_school{school=\"" + SCHOOL + "\"}", v -> v == school + 1));
        assertEquals(summaryBefore + 1, heldInSummary(SCHOOL));
        given().auth().preemptive().basic("console", "console-dev-password").get("/api/v1/review/summary").then()
                .statusCode(200).body("held", equalTo((int) total + 1))
                .body("schools.find { it.schoolCode == '" + SCHOOL + "' }.oldestHeldSince", notNullValue())
                .body("checkedAt", notNullValue());

        given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                .body(Map.of("action", "REJECT", "note", "观测测试")).post("/api/v1/review/" + SCHOOL + "/" + id + "/1")
                .then().statusCode(200);
        assertEquals(total, awaitMetric("xxgk_review_held", v -> v == total));
        assertEquals(summaryBefore, heldInSummary(SCHOOL));

        given().get("/api/v1/review/summary").then().statusCode(401).contentType(containsString("application/problem+json"));
        given().auth().preemptive().basic("console", "wrong").get("/api/v1/review/summary").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void anUnreadableSubmissionIsCountedAsDeadLetteredAndConsumerLagIsExported() throws Exception {
        String counter = "xxgk_dead_lettered_total{channel=\"items-submitted\"}";
        double before = metric(counter);
        SubmittedItemProcessorTest.send(SCHOOL, "{not json " + UUID.randomUUID());
        assertEquals(before + 1, awaitMetric(counter, v -> v == before + 1));
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertTrue(scrape().lines().anyMatch(l ->
                l.startsWith("kafka_consumer_fetch_manager_records_lag_max{") && l.contains("items-submitted")), "lag metric"));
    }

    private static long heldInSummary(String school) {
        List<Map<String, Object>> schools = given().auth().preemptive().basic("reviewer", "reviewer-pass")
                .get("/api/v1/review/summary").then().statusCode(200).extract().jsonPath().getList("schools");
        return schools.stream().filter(s -> school.equals(s.get("schoolCode")))
                .mapToLong(s -> ((Number) s.get("held")).longValue()).findFirst().orElse(0);
    }

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one exact series ({@code name} or {@code name{labels}}), 0 when absent. */
    static double metric(String series) {
        return scrape().lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1).trim())).findFirst().orElse(0);
    }

    static double awaitMetric(String series, DoublePredicate until) {
        double[] last = new double[1];
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = metric(series);
            assertTrue(until.test(last[0]), series + " = " + last[0] + " in " + scrape().lines()
                    .filter(l -> l.startsWith(series.replaceAll("\\{.*", ""))).toList());
        });
        return last[0];
    }
}
