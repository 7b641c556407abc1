package io.xxgk.classify;

import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Personal data and disagreements wait for a person; the person's decision goes on, masked, and is recorded. */
@QuarkusTest
class ReviewQueueTest {

    // a made-up resident ID with a valid check digit (region 430102, born 1990-01-01, sequence 123)
    static final String ID_NUMBER = "43010219900101123" + checkDigit("43010219900101123");

    static String checkDigit(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return String.valueOf("10X98765432".charAt(sum % 11));
    }

    @Test
    void scholarshipListWithIdNumbersIsHeldMaskedThenPublishedMaskedAfterReview() throws Exception {
        String id = "pii-" + UUID.randomUUID();
        String body = "拟资助学生名单：张三 " + ID_NUMBER + " 学前教育专业，联系电话 13812345678。";
        SubmittedItemProcessorTest.send("zzsz", EventCodec.encode(
                SubmittedItemProcessorTest.submitted(id, "2024-2025学年国家励志奖学金拟资助学生名单公示", body, ItemKind.OTHER, 37)));

        ItemClassified held = SubmittedItemProcessorTest.find(SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id))), id);
        assertEquals(Decision.HOLD, held.decision());
        assertTrue(held.holdReasons().contains("PERSONAL_DATA"), held.holdReasons().toString());
        assertTrue(held.personalDataMasked());
        assertFalse(held.body().contains(ID_NUMBER), "never the raw number on a topic the public side reads");
        assertTrue(held.body().contains("4301**********" + ID_NUMBER.substring(14)), held.body());
        assertTrue(held.body().contains("138****5678"), held.body());

        given().auth().preemptive().basic("reviewer", "reviewer-pass").get("/api/v1/review?schoolCode=zzsz")
                .then().statusCode(200).body("itemId", hasItem(id));
        given().get("/api/v1/review").then().statusCode(401);

        given().auth().preemptive().basic("reviewer", "reviewer-pass").contentType("application/json; charset=UTF-8")
                .body(Map.of("action", "CORRECT", "checklistItem", 37, "note", "奖助学金公示，打码后公开"))
                .post("/api/v1/review/zzsz/" + id + "/1")
                .then().statusCode(200).body("decision", equalTo("PUBLISH")).body("checklistItem", equalTo(37));

        List<ItemClassified> both = SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                        seen -> seen.stream().filter(r -> r.value().contains(id)).count() >= 2).stream()
                .filter(r -> r.value().contains(id)).map(r -> EventCodec.decode(r.value(), ItemClassified.class)).toList();
        ItemClassified published = both.get(both.size() - 1);
        assertEquals(Decision.PUBLISH, published.decision());
        assertFalse(published.body().contains(ID_NUMBER));

        given().auth().preemptive().basic("reviewer", "reviewer-pass").get("/api/v1/review?schoolCode=zzsz")
                .then().body("itemId", not(hasItem(id)));
        given().auth().preemptive().basic("reviewer", "reviewer-pass").get("/api/v1/review/corrections")
                .then().body("find { it.itemId == '" + id + "' }.by", equalTo("reviewer"))
                .body("find { it.itemId == '" + id + "' }.after", equalTo(37));
        given().auth().preemptive().basic("reviewer", "reviewer-pass").post("/api/v1/review/retrain")
                .then().statusCode(200).body("corrections", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void aHintThatDisagreesWithAConfidentClassifierWaitsForAPerson() throws Exception {
        String id = "hint-" + UUID.randomUUID();
        SubmittedItemProcessorTest.send("zzsz", EventCodec.encode(
                SubmittedItemProcessorTest.submitted(id, "2025年学生公寓家具采购项目招标公告", null, ItemKind.PROCUREMENT_NOTICE, 2)));
        ItemClassified c = SubmittedItemProcessorTest.find(SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id))), id);
        assertEquals(18, c.checklistItem(), "the hint does not override the classifier");
        assertEquals(Decision.HOLD, c.decision());
        assertTrue(c.holdReasons().contains("HINT_DISAGREES"));
    }

    @Test
    void dryRunClassifiesWithoutStoring() {
        given().contentType("application/json; charset=UTF-8").body(Map.of("title", "2025年部门预算公开"))
                .post("/api/v1/classify").then().statusCode(200)
                .body("checklistItem", equalTo(19)).body("category", equalTo(3));
        given().contentType("application/json; charset=UTF-8").body(Map.of("title", "我校举办2025年迎新晚会"))
                .post("/api/v1/classify").then().statusCode(200)
                .body("checklistItem", equalTo(null));
    }
}
