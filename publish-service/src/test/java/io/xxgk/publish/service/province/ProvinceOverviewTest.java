package io.xxgk.publish.service.province;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.publish.service.statistics.Zzsz2022Fixture;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every school of a province side by side, each in its own statistics period: zzsz counts its school year
 * 2021-09..2022-08, zjjhk (calendar year) 2022-01..2022-12. Data: the zzsz fixture and zjjhk items of 2021-2022.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ProvinceOverviewTest {

    static ItemClassified zjjhk(String id, ItemKind kind, Integer item, Integer category, LocalDate produced, LocalDate published) {
        return ItemClassified.builder().itemId(id).revision(1).schoolCode("zjjhk").department("党政办公室")
                .title(kind.label() + " " + id).body("正文").kind(kind).producedDate(produced).publishedDate(published)
                .channels(List.of(Channel.WEBSITE)).checklistItem(item).category(category).confidence(0.9)
                .explanation("test").decision(Decision.PUBLISH).classifiedAt(Instant.now()).build();
    }

    @Test
    void eachSchoolInItsOwnPeriodFilteredByProvince() throws Exception {
        Zzsz2022Fixture.load();
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            for (ItemClassified e : List.of(
                    // in calendar 2022 (two of them after August, outside zzsz's school year 2022)
                    zjjhk("zjjhk22-1", ItemKind.PROCUREMENT_NOTICE, 18, 3, LocalDate.of(2022, 10, 10), LocalDate.of(2022, 10, 11)),
                    zjjhk("zjjhk22-2", ItemKind.RULE, 2, 1, LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 2)),
                    zjjhk("zjjhk22-3", ItemKind.BUDGET, 19, 3, LocalDate.of(2022, 3, 1), LocalDate.of(2022, 4, 29)),
                    zjjhk("zjjhk22-4", ItemKind.NEWS, null, null, LocalDate.of(2022, 6, 1), null),
                    // calendar 2021: not counted for 2022
                    zjjhk("zjjhk21-1", ItemKind.NEWS, 7, 2, LocalDate.of(2021, 10, 10), LocalDate.of(2021, 10, 11)))) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))).get();
            }
        }
        Zzsz2022Fixture.awaitApplied();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/api/v1/province/overview?year=2022&province=湖南省").then().statusCode(200)
                        .body("year", equalTo(2022))
                        .body("province", equalTo("湖南省"))
                        .body("schools.school.code", containsInAnyOrder("hnxx", "zjjhk", "zzsz"))
                        .body("summary.schools", equalTo(3))
                        .body("schools.find { it.school.code == 'zjjhk' }.published", equalTo(4)));

        given().when().get("/api/v1/province/overview?year=2022&province=湖南省").then().statusCode(200)
                .body("schools.find { it.school.code == 'zzsz' }.period.from", equalTo("2021-09-01"))
                .body("schools.find { it.school.code == 'zzsz' }.period.to", equalTo("2022-08-31"))
                .body("schools.find { it.school.code == 'zzsz' }.published", equalTo(548))
                .body("schools.find { it.school.code == 'zzsz' }.withheld", equalTo(3))
                // as the statistics count it: 30 and 43 not for a vocational college, item 36 standing
                .body("schools.find { it.school.code == 'zzsz' }.coverage.applicable", equalTo(41))
                .body("schools.find { it.school.code == 'zzsz' }.coverage.published", equalTo(11))
                .body("schools.find { it.school.code == 'zzsz' }.coverage.standing", equalTo(1))
                .body("schools.find { it.school.code == 'zzsz' }.coverage.covered", equalTo(12))
                .body("schools.find { it.school.code == 'zzsz' }.coverage.percent", equalTo(29.3f))
                .body("schools.find { it.school.code == 'zzsz' }.timeliness.late", equalTo(8))
                .body("schools.find { it.school.code == 'zzsz' }.timeliness.undated", equalTo(5))
                // the 5 undated are unknown, not on time: 535 of 548
                .body("schools.find { it.school.code == 'zzsz' }.timeliness.onTime", equalTo(535))
                .body("schools.find { it.school.code == 'zzsz' }.timeliness.percentOnTime", equalTo(97.6f))
                .body("schools.find { it.school.code == 'zjjhk' }.period.from", equalTo("2022-01-01"))
                .body("schools.find { it.school.code == 'zjjhk' }.period.to", equalTo("2022-12-31"))
                .body("schools.find { it.school.code == 'zjjhk' }.period.label", equalTo("2022年度"))
                .body("schools.find { it.school.code == 'zjjhk' }.coverage.published", equalTo(3))
                .body("schools.find { it.school.code == 'zjjhk' }.coverage.missingItems", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(18)))
                // 2022-03-01 to 2022-04-29: over 20 working days, late; the undated one is unknown, not on time
                .body("schools.find { it.school.code == 'zjjhk' }.timeliness.late", equalTo(1))
                .body("schools.find { it.school.code == 'zjjhk' }.timeliness.undated", equalTo(1))
                .body("schools.find { it.school.code == 'zjjhk' }.timeliness.onTime", equalTo(2))
                .body("schools.find { it.school.code == 'zjjhk' }.timeliness.percentOnTime", equalTo(50.0f));

        // every school when no province is given, in directory order
        given().when().get("/api/v1/province/overview?year=2022").then().statusCode(200)
                .body("province", equalTo(null))
                .body("schools.school.code", contains("hnxx", "zjjhk", "zzsz", "jclg", "xykj"))
                .body("summary.schools", equalTo(5));
        given().when().get("/api/v1/province/overview?year=2022&province=湖北省").then().statusCode(200)
                .body("schools.school.code", contains("jclg", "xykj"));
    }
}
