package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The statistics of the 2021-2022 school year of 株洲师范高等专科学校, fed through Kafka ({@link Zzsz2022Fixture}),
 * read from the HTTP endpoint: the seed report's counts and shares, to the decimal.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class StatisticsTest {

    static final String URL = "/api/v1/schools/zzsz/statistics?year=2022";

    @BeforeEach
    void fixture() throws Exception {
        Zzsz2022Fixture.load();
        Zzsz2022Fixture.awaitApplied();
    }

    @Test
    void countsByKindHeadingAreTheSeedReportsWithSharesToOneDecimal() {
        JsonPath json = given().when().get(URL).then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("school.code", equalTo("zzsz"))
                .body("period.kind", equalTo("SCHOOL_YEAR"))
                .body("period.from", equalTo("2021-09-01"))
                .body("period.to", equalTo("2022-08-31"))
                .body("period.label", equalTo("2021-2022学年"))
                .extract().jsonPath();

        assertEquals(List.of("公文类", "教学类", "科研类", "招生类", "就业类", "招聘类", "招投标类", "其他业务动态类"),
                json.getList("byKind.key"));
        assertEquals(List.of(40, 60, 24, 37, 4, 15, 21, 347), json.getList("byKind.count"));
        // as its report does, zzsz counts the headings over the items on its website (all 548 of them)
        assertEquals("WEBSITE", json.getString("byKindChannel"));
        assertEquals(548, json.getInt("byKindTotal"));
        assertEquals(List.of(7.3f, 10.9f, 4.4f, 6.8f, 0.7f, 2.7f, 3.8f, 63.3f), json.getList("byKind.percent"));
        // the kinds behind a heading, each with its own count
        assertEquals(Map.of("OFFICIAL_DOCUMENT", 30, "RULE", 6, "PLAN_REPORT", 4, "CADRE_APPOINTMENT", 0),
                json.getMap("byKind.find { it.key == '公文类' }.kinds.collectEntries { [it.key, it.count] }"));
        assertEquals(347, json.getInt("byKind.find { it.key == '其他业务动态类' }.kinds.sum { it.count }"));
    }

    @Test
    void categoriesItemsChannelsDepartmentsAndMonthsAddUp() {
        JsonPath json = given().when().get(URL).then().statusCode(200).extract().jsonPath();

        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "none"), json.getList("byCategory.key"));
        assertEquals(List.of(10, 37, 38, 15, 64, 0, 24, 0, 0, 0, 360), json.getList("byCategory.count"));
        assertEquals("一 基本信息", json.getString("byCategory[0].label"));
        assertEquals(65.7f, json.getFloat("byCategory.find { it.key == 'none' }.percent"));

        assertEquals(50, json.getList("byChecklistItem").size());
        assertEquals(21, json.getInt("byChecklistItem.find { it.number == 18 }.count"));
        assertEquals(3.8f, json.getFloat("byChecklistItem.find { it.number == 18 }.percent"));
        assertEquals("PUBLISHED", json.getString("byChecklistItem.find { it.number == 18 }.status"));
        assertEquals(3, json.getInt("byChecklistItem.find { it.number == 18 }.category"));

        // one item counts under every channel it went out on
        assertEquals(List.of("WEBSITE", "WECHAT"), json.getList("byChannel.key"));
        assertEquals(List.of(548, 183), json.getList("byChannel.count"));
        // every item is on the website, some on WeChat too: the union counts each once
        assertEquals(548, json.getInt("channelUnion"));
        assertEquals(List.of(100.0f, 33.4f), json.getList("byChannel.percent"));
        assertEquals("学校网站", json.getString("byChannel[0].label"));

        assertEquals("党委宣传部", json.getString("byDepartment[0].key"));
        assertEquals(330, json.getInt("byDepartment[0].count"));
        assertEquals(60.2f, json.getFloat("byDepartment[0].percent"));
        assertEquals(548, json.getInt("byDepartment.sum { it.count }"));

        assertEquals(12, json.getList("byMonth").size());
        assertEquals("2021-09", json.getString("byMonth[0].key"));
        assertEquals("2022-08", json.getString("byMonth[11].key"));
        assertEquals(548, json.getInt("byMonth.sum { it.count }"));
    }

    @Test
    void withheldIsOnlyACountAndHeldWithdrawnAndOutOfPeriodItemsAreNotCounted() {
        JsonPath json = given().when().get(URL).then().statusCode(200).extract().jsonPath();
        assertEquals(3, json.getInt("withheld"));
        assertEquals(Map.of("PERSONAL_PRIVACY", 2, "COMMERCIAL_SECRET", 1),
                json.getMap("withheldByReason.collectEntries { [it.key, it.count] }"));
        assertEquals("涉及个人隐私", json.getString("withheldByReason[0].label"));
        // item 37 has only withheld entries, item 38 a held one, item 50 a withdrawn one: none is published
        assertEquals("MISSING", json.getString("byChecklistItem.find { it.number == 37 }.status"));
        assertEquals(0, json.getInt("byChecklistItem.find { it.number == 37 }.count"));
        assertEquals("MISSING", json.getString("byChecklistItem.find { it.number == 38 }.status"));
        assertEquals("MISSING", json.getString("byChecklistItem.find { it.number == 50 }.status"));
        assertNull(json.get("byChecklistItem.find { it.number == 50 }.latest"));
        // no withheld title anywhere
        given().when().get(URL).then().body(not(containsString("zzsz22-withheld")));
    }

    @Test
    void coverageOfTheFiftyItems() {
        given().when().get(URL).then().statusCode(200)
                .body("coverage.items", equalTo(50))
                // items 11-14, 44-46 (graduate) and 30, 43 (undergraduate teaching, degrees) are not for a vocational college
                .body("coverage.applicable", equalTo(41))
                .body("coverage.notApplicable", equalTo(9))
                .body("coverage.published", equalTo(Zzsz2022Fixture.ITEMS_PUBLISHED.size()))
                .body("coverage.standing", equalTo(1))
                .body("coverage.covered", equalTo(12))
                .body("coverage.missing", equalTo(29))
                .body("coverage.percent", equalTo(29.3f))
                .body("coverage.missingItems", hasSize(29))
                .body("coverage.missingItems", not(hasItem(18)))
                .body("coverage.missingItems", not(hasItem(11)))
                .body("coverage.missingItems", not(hasItem(30)))
                // item 36 (学籍管理办法, a standing rule) was published in the previous school year: in force, covered
                .body("coverage.missingItems", not(hasItem(36)))
                .body("coverage.standingItems", contains(36))
                .body("byChecklistItem.find { it.number == 36 }.status", equalTo("STANDING"))
                .body("byChecklistItem.find { it.number == 36 }.recurrence", equalTo("STANDING"))
                .body("coverage.publishedEarlierItems", hasSize(0))
                .body("byChecklistItem.find { it.number == 30 }.status", equalTo("NOT_APPLICABLE"))
                .body("byChecklistItem.find { it.number == 35 }.text", equalTo("人才培养质量年度报告"))
                .body("byChecklistItem.find { it.number == 36 }.latest.id", equalTo("zzsz22-before"))
                .body("byChecklistItem.find { it.number == 36 }.latest.inPeriod", equalTo(false))
                .body("byChecklistItem.find { it.number == 11 }.status", equalTo("NOT_APPLICABLE"))
                .body("byChecklistItem.find { it.number == 18 }.latest.link", startsWith("/schools/zzsz/items/zzsz22-"))
                .body("byChecklistItem.find { it.number == 18 }.latest.inPeriod", equalTo(true));
    }

    @Test
    void timelinessCountsWorkingDaysAndUndatedItemsAreUnknownNotOnTime() {
        given().when().get(URL).then().statusCode(200)
                .body("timeliness.limitWorkingDays", equalTo(20))
                .body("timeliness.evaluated", equalTo(548))
                .body("timeliness.late", equalTo(Zzsz2022Fixture.LATE))
                .body("timeliness.undated", equalTo(Zzsz2022Fixture.UNDATED))
                .body("timeliness.unknown", equalTo(Zzsz2022Fixture.UNDATED))
                // 548 - 8 late - 5 unknown (issue 11 item 9: an item without a published date is not on time)
                .body("timeliness.onTime", equalTo(535))
                .body("timeliness.percentOnTime", equalTo(97.6f))
                .body("timeliness.percentOnTimeOfDated", equalTo(98.5f))
                // the late and undated ones are all news: the 188 checklist entries are all on time
                .body("timeliness.checklistItems.evaluated", equalTo(188))
                .body("timeliness.checklistItems.onTime", equalTo(188))
                .body("timeliness.otherItems.evaluated", equalTo(360))
                .body("timeliness.otherItems.late", equalTo(Zzsz2022Fixture.LATE))
                .body("timeliness.otherItems.unknown", equalTo(Zzsz2022Fixture.UNDATED))
                // the teaching item corrected from news: one revision, measured from its own day
                .body("timeliness.revisions.evaluated", equalTo(1))
                .body("timeliness.revisions.onTime", equalTo(1))
                .body("timeliness.maxWorkingDays", greaterThan(20))
                .body("timeliness.rule", containsString("周一至周五"))
                .body("timeliness.rule", containsString("《高等学校信息公开办法》第十八条"))
                .body("timeliness.calendarNote", nullValue());
    }

    @Test
    void aPeriodOutsideTheHolidayCalendarSaysSo() {
        given().when().get("/api/v1/schools/zzsz/statistics?year=2031").then().statusCode(200)
                .body("timeliness.calendarNote", containsString("2031"))
                .body("timeliness.calendarNote", containsString("节假日日历未收录"));
    }

    @Test
    void disclosureOnRequestComplaintsReviewsAndLawsuits() {
        JsonPath json = given().when().get(URL).then().statusCode(200).extract().jsonPath();
        assertEquals(9, json.getInt("requests.received"));
        assertEquals(8, json.getInt("requests.answered"));
        assertEquals(1, json.getInt("requests.pending"));
        assertEquals(List.of("DISCLOSED", "WITHHELD", "NOT_HELD", "PARTIALLY_DISCLOSED", "UNCLEAR_AMEND", "REPEATED",
                "NOT_A_REQUEST", "OTHER"), json.getList("requests.byAnswer.key"));
        // revision 2 of the first application (answered) replaced revision 1; the replayed older revision did not
        assertEquals(List.of(2, 1, 1, 1, 1, 1, 0, 1), json.getList("requests.byAnswer.count"));
        // 7 answered in time of 9 received; the one received 2022-08-22 is still pending, long past 15 working days
        assertEquals(77.8f, json.getFloat("requests.percentOfReceivedWithinLimit"));
        assertEquals(List.of("zzsz22-req-9"), json.getList("requests.overduePending.id"));
        assertEquals("予以公开", json.getString("requests.byAnswer[0].label"));
        assertEquals(15, json.getInt("requests.limitWorkingDays"));
        assertEquals(7, json.getInt("requests.answeredWithinLimit"));
        assertEquals(87.5f, json.getFloat("requests.percentWithinLimit"));
        assertEquals(15.5f, json.getFloat("requests.feesYuan"));
        assertEquals(6, json.getInt("requests.byApplicant.find { it.key == 'NATURAL_PERSON' }.count"));
        assertEquals(2, json.getInt("requests.byApplicant.find { it.key == 'BUSINESS' }.count"));

        assertEquals(2, json.getInt("complaints.total"));
        assertEquals(List.of("UPHELD", "CORRECTED", "OTHER", "PENDING"), json.getList("complaints.byOutcome.key"));
        assertEquals(List.of(1, 0, 0, 1), json.getList("complaints.byOutcome.count"));
        assertEquals(1, json.getInt("administrativeReviews.byOutcome.find { it.key == 'CORRECTED' }.count"));
        assertEquals(0, json.getInt("lawsuits.total"));
    }

    @Test
    void periodCanBeChosenAndDefaultsToTheSchoolsOwn() {
        JsonPath schoolYear = given().when().get(URL + "&period=school-year").then().statusCode(200).extract().jsonPath();
        assertEquals(548, schoolYear.getInt("published"));
        long janToAug = schoolYear.getList("byMonth", Map.class).stream()
                .filter(m -> ((String) m.get("key")).startsWith("2022-")).mapToLong(m -> ((Number) m.get("count")).longValue()).sum();

        JsonPath calendar = given().when().get(URL + "&period=calendar-year").then().statusCode(200)
                .body("period.kind", equalTo("CALENDAR_YEAR"))
                .body("period.from", equalTo("2022-01-01"))
                .body("period.to", equalTo("2022-12-31"))
                .body("period.label", equalTo("2022年度"))
                .extract().jsonPath();
        // January-August 2022 of the fixture plus the item published on 2022-09-01
        assertEquals(janToAug + 1, calendar.getLong("published"));
        // the register by the calendar year: 2022 receipts only, including the one of September
        assertEquals(8, calendar.getInt("requests.received"));
    }

    @Test
    void anEmptyYearIsAllZerosNotAnError() {
        given().when().get("/api/v1/schools/zzsz/statistics?year=2003").then().statusCode(200)
                .body("published", equalTo(0))
                .body("byKind.find { it.key == '公文类' }.percent", equalTo(0.0f))
                .body("timeliness.percentOnTime", equalTo(0.0f))
                .body("coverage.published", equalTo(0))
                .body("requests.received", equalTo(0))
                .body("requests.feesYuan", equalTo(0.0f))
                .body("byChecklistItem.find { it.number == 18 }.latest", nullValue());
    }
}
