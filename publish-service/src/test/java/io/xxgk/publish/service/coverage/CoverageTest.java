package io.xxgk.publish.service.coverage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.publish.PublishFixture;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.xxgk.publish.PublishFixture.console;
import static io.xxgk.publish.PublishFixture.reviewer;
import static io.xxgk.publish.PublishFixture.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage and deadlines of 襄阳科技职业学院 (xykj, a vocational college counting calendar years) in 2029, with its
 * entries fed through the real broker into the real database: a 章程 of 2027 is in force (STANDING), the budget of
 * 2028 does not cover 2029, the final accounts of 2029 do; the budget's deadline comes from the cadence (批复 expected
 * 03-31, then 20 working days: 2029-04-27), so on 2029-06-30 it is 45 working days overdue. 不涉及 is marked by a
 * reviewer through the console endpoints, shows with its reason and leaves the denominator.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class CoverageTest {

    static final String SCHOOL = "xykj";
    static final String BASE = "/api/v1/console/schools/" + SCHOOL;
    static final String COVERAGE = BASE + "/coverage?period=2029&asOf=2029-06-30";
    static final String FINANCE = "计划财务处";
    static final String OFFICE = "党政办公室";

    static ItemClassified item(String id, ItemKind kind, String department, Integer checklistItem, Integer category,
                               LocalDate published, Decision decision) {
        return PublishFixture.item(SCHOOL, id, decision, null).department(department)
                .title(kind.label() + " " + id).body("正文").kind(kind).producedDate(published.minusDays(2)).publishedDate(published)
                .checklistItem(checklistItem).category(category).build();
    }

    private static boolean loaded;

    @BeforeEach
    void entries() throws Exception {
        if (loaded) {
            return;
        }
        send(item("cov29-charter", ItemKind.RULE, OFFICE, 2, 1, LocalDate.of(2027, 5, 10), Decision.PUBLISH),
                item("cov29-budget-2028", ItemKind.BUDGET, FINANCE, 19, 3, LocalDate.of(2028, 4, 20), Decision.PUBLISH),
                item("cov29-accounts-2029", ItemKind.FINAL_ACCOUNT, FINANCE, 20, 3, LocalDate.of(2029, 8, 10), Decision.PUBLISH),
                item("cov29-held", ItemKind.FEE_SCHEDULE, FINANCE, 21, 3, LocalDate.of(2029, 3, 1), Decision.HOLD));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> reviewer().get(COVERAGE).then().statusCode(200)
                .body("categories.items.flatten().find { it.number == 20 }.status", equalTo("PUBLISHED"))
                .body("categories.items.flatten().find { it.number == 2 }.latest.id", equalTo("cov29-charter"))
                .body("categories.items.flatten().find { it.number == 19 }.latest.id", equalTo("cov29-budget-2028"))
                .body("waiting.itemId", hasItem("cov29-held")));
        loaded = true;
    }

    @Test
    void aCharterOfTwoYearsAgoStandsAndLastYearsBudgetDoesNotCoverThisYear() {
        JsonPath json = reviewer().get(COVERAGE).then().statusCode(200)
                .body("period.from", equalTo("2029-01-01"))
                .body("period.to", equalTo("2029-12-31"))
                .body("asOf", equalTo("2029-06-30"))
                // 2029 is not in the holiday calendar: the answer says its weekdays were counted plainly
                .body("calendarNote", containsString("2029"))
                .extract().jsonPath();
        assertEquals("STANDING", item(json, 2).getString("status"));
        assertEquals("现行有效", item(json, 2).getString("statusLabel"));
        assertEquals("STANDING", item(json, 2).getString("recurrence"));
        assertEquals(false, item(json, 2).getBoolean("latest.inPeriod"));
        assertEquals(false, item(json, 2).getBoolean("overdue"));

        assertEquals("MISSING", item(json, 19).getString("status"));
        assertEquals("RECURRING", item(json, 19).getString("recurrence"));
        assertEquals(0, item(json, 19).getInt("entriesInPeriod"));
        assertEquals("PUBLISHED", item(json, 20).getString("status"));
        assertEquals(1, item(json, 20).getInt("entriesInPeriod"));
        // a vocational college: 30 and 43 do not apply, 35 is its 人才培养质量年度报告
        assertEquals("NOT_APPLICABLE", item(json, 30).getString("status"));
        assertEquals("不适用", item(json, 43).getString("statusLabel"));
        assertEquals("人才培养质量年度报告", item(json, 35).getString("text"));

        // the same rule in the statistics and the catalogue of that year
        given().get("/api/v1/schools/xykj/statistics?year=2029").then().statusCode(200)
                .body("byChecklistItem.find { it.number == 2 }.status", equalTo("STANDING"))
                .body("byChecklistItem.find { it.number == 19 }.status", equalTo("MISSING"))
                .body("coverage.standingItems", hasItem(2))
                .body("coverage.missingItems", hasItem(19))
                .body("coverage.publishedEarlierItems", hasItem(19));
        given().get("/api/v1/schools/xykj/catalogue?year=2029").then().statusCode(200)
                .body("categories[0].items.find { it.number == 2 }.status", equalTo("STANDING"))
                .body("categories[2].items.find { it.number == 19 }.status", equalTo("MISSING"));
        // in the year it was published the 章程 is simply published
        reviewer().get(BASE + "/coverage?period=2027&asOf=2027-12-31").then().statusCode(200)
                .body("categories.items.flatten().find { it.number == 2 }.status", equalTo("PUBLISHED"));
    }

    @Test
    void overdueAndDueNextComeFromTheCadence() {
        JsonPath json = reviewer().get(COVERAGE).then().statusCode(200).extract().jsonPath();
        // 部门预算: 批复 expected 2029-03-31 (a Saturday), within 20 working days: 2029-04-27
        assertEquals("2029-04-27", item(json, 19).getString("dueDate"));
        assertEquals(true, item(json, 19).getBoolean("overdue"));
        assertEquals(45, item(json, 19).getInt("overdueWorkingDays"));
        assertEquals(List.of(19), json.getList("overdue.number"));
        assertEquals(45, json.getInt("overdue[0].overdueWorkingDays"));
        assertEquals(FINANCE, json.getString("overdue[0].department"));
        // 信息公开年度报告 by 10-31, 就业质量年度报告 and the quality report by the year's end; soonest first
        assertEquals(List.of(6, 33, 35), json.getList("dueNext.number"));
        assertEquals(List.of("2029-10-31", "2029-12-31", "2029-12-31"), json.getList("dueNext.dueDate"));
        // published in time: no deadline pending; a standing rule has no date
        assertEquals(false, item(json, 20).getBoolean("overdue"));
        assertEquals("2029-08-28", item(json, 20).getString("dueDate"));
        assertEquals(null, item(json, 2).getString("dueDate"));
        assertEquals(1, json.getInt("summary.overdue"));

        // a day before the deadline nothing is overdue yet, and the budget is due next
        JsonPath early = reviewer().get(BASE + "/coverage?period=2029&asOf=2029-04-26").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), early.getList("overdue"));
        assertEquals(19, early.getInt("dueNext[0].number"));
        // after the year all four are overdue
        JsonPath late = reviewer().get(BASE + "/coverage?period=2029&asOf=2030-01-10").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(19, 6, 33, 35), late.getList("overdue.number"));
    }

    @Test
    void perDepartmentListAndEditorsSeeOnlyTheirOwn() {
        JsonPath json = console("EDITOR", "李会计", FINANCE).queryParam("department", FINANCE)
                .get(COVERAGE).then().statusCode(200)
                .body("department", equalTo(FINANCE))
                .body("categories.items.flatten().department", everyItem(equalTo(FINANCE)))
                .body("categories.items.flatten().number", hasItems(19, 20))
                .body("categories.items.flatten().number", not(hasItem(2)))
                .body("overdue.number", contains(19))
                // the held fee schedule waits for review far longer than 5 working days
                .body("waiting.itemId", hasItem("cov29-held"))
                .body("waitingLimitWorkingDays", equalTo(5))
                .extract().jsonPath();
        assertTrue(json.getList("categories").size() < 10, "only the categories that hold the department's items");
        // the school's departments, each with its own figures
        reviewer().get(COVERAGE).then().statusCode(200)
                .body("department", nullValue())
                .body("departments.find { it.department == '计划财务处' }.overdue", equalTo(1))
                .body("departments.find { it.department == '计划财务处' }.covered", equalTo(1))
                .body("departments.find { it.department == '党政办公室' }.covered", equalTo(1))
                .body("categories.items.flatten()", org.hamcrest.Matchers.hasSize(50));

        // an editor may see the whole school, but not another department
        console("EDITOR", "李会计", FINANCE).get(COVERAGE).then().statusCode(200);
        console("EDITOR", "李会计", FINANCE).queryParam("department", OFFICE).get(COVERAGE).then().statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("计划财务处"));
    }

    @Test
    void notApplicableShowsWithItsReasonAndLeavesTheDenominator() {
        JsonPath before = reviewer().get(COVERAGE).then().statusCode(200).extract().jsonPath();
        assertEquals("MISSING", item(before, 17).getString("status"));

        reviewer().contentType(ContentType.JSON).body("{\"reason\":\"学校无校办企业\"}")
                .put(BASE + "/not-applicable/17").then().statusCode(200)
                .body("item", equalTo(17))
                .body("reason", equalTo("学校无校办企业"))
                .body("markedBy", equalTo("王审核"))
                .body("markedRole", equalTo("REVIEWER"))
                .body("markedAt", org.hamcrest.Matchers.notNullValue());
        try {
            JsonPath after = reviewer().get(COVERAGE).then().statusCode(200).extract().jsonPath();
            assertEquals("NOT_APPLICABLE", item(after, 17).getString("status"));
            assertEquals("本校不涉及", item(after, 17).getString("statusLabel"));
            assertEquals("学校无校办企业", item(after, 17).getString("reason"));
            assertEquals("王审核", item(after, 17).getString("notApplicable.markedBy"));
            assertEquals(before.getInt("summary.applicable") - 1, after.getInt("summary.applicable"));
            assertEquals(before.getInt("summary.notApplicableBySchool") + 1, after.getInt("summary.notApplicableBySchool"));
            assertEquals(before.getInt("summary.covered"), after.getInt("summary.covered"));
            assertEquals(new java.math.BigDecimal(after.getInt("summary.covered")).multiply(java.math.BigDecimal.valueOf(100))
                            .divide(java.math.BigDecimal.valueOf(after.getInt("summary.applicable")), 1, java.math.RoundingMode.HALF_UP).floatValue(),
                    after.getFloat("summary.percent"));

            // the statistics, the draft and the public catalogue say the same
            given().get("/api/v1/schools/xykj/statistics?year=2029").then().statusCode(200)
                    .body("byChecklistItem.find { it.number == 17 }.status", equalTo("NOT_APPLICABLE"))
                    .body("byChecklistItem.find { it.number == 17 }.notApplicableReason", equalTo("学校无校办企业"))
                    .body("coverage.notApplicableBySchool", equalTo(1))
                    .body("coverage.missingItems", not(hasItem(17)));
            given().get("/api/v1/schools/xykj/catalogue?year=2029").then().statusCode(200)
                    .body("categories[2].items.find { it.number == 17 }.status", equalTo("NOT_APPLICABLE"))
                    .body("categories[2].items.find { it.number == 17 }.notApplicableReason", equalTo("学校无校办企业"));
            given().get("/api/v1/schools/xykj/annual-report?year=2029&format=html").then().statusCode(200)
                    // the 50-row table: status 本校不涉及, the school's reason in its 说明 column (issue 11)
                    .body(containsString("<td>本校不涉及</td><td>—</td><td>学校无校办企业</td>"))
                    .body(containsString("1项本校不涉及"));
            reviewer().get(BASE + "/not-applicable").then().statusCode(200)
                    .body("find { it.item == 17 }.reason", equalTo("学校无校办企业"));
        } finally {
            reviewer().delete(BASE + "/not-applicable/17").then().statusCode(204);
        }
        reviewer().get(COVERAGE).then().statusCode(200)
                .body("categories.items.flatten().find { it.number == 17 }.status", equalTo("MISSING"));
        // who marked and unmarked, when and why
        reviewer().get(BASE + "/not-applicable/17/history").then().statusCode(200)
                .body("action", hasItems("MARK", "UNMARK"))
                .body("find { it.action == 'MARK' }.reason", equalTo("学校无校办企业"))
                .body("actor", everyItem(equalTo("王审核")));
        reviewer().delete(BASE + "/not-applicable/17").then().statusCode(404)
                .body("errors[0].field", equalTo("item"));
    }

    @Test
    void onlyAReviewerOrAnAdminMarksAndBadInputIsAProblemNamingTheField() {
        String body = "{\"reason\":\"无\"}";
        console("EDITOR", "李会计", FINANCE).contentType(ContentType.JSON).body(body).put(BASE + "/not-applicable/16").then()
                .statusCode(403).contentType(containsString("application/problem+json"))
                .body("detail", equalTo("只有信息公开办公室审核人员或管理员可以标记“本校不涉及” / only a reviewer or an admin may mark an item"
                        + " as not applicable (acting user's role: EDITOR)"));
        console("LEADER", "张校长", null).contentType(ContentType.JSON).body(body).put(BASE + "/not-applicable/16").then().statusCode(403);
        console("ADMIN", "管理员", null).contentType(ContentType.JSON).body("{\"reason\":\"本年度无受捐赠财产\"}")
                .put(BASE + "/not-applicable/16").then().statusCode(200).body("markedRole", equalTo("ADMIN"));
        console("ADMIN", "管理员", null).delete(BASE + "/not-applicable/16").then().statusCode(204);

        reviewer().contentType(ContentType.JSON).body("{\"reason\":\"  \"}").put(BASE + "/not-applicable/16").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        reviewer().contentType(ContentType.JSON).body("{}").put(BASE + "/not-applicable/16").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        reviewer().contentType(ContentType.JSON).body("[1,2]").put(BASE + "/not-applicable/16").then()
                .statusCode(400).contentType(containsString("application/problem+json"));
        reviewer().contentType(ContentType.JSON).body("{\"reason\":\"" + "长".repeat(501) + "\"}").put(BASE + "/not-applicable/16").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        reviewer().contentType(ContentType.JSON).body(body).put(BASE + "/not-applicable/99").then()
                .statusCode(400).body("errors[0].field", equalTo("item"));
        reviewer().contentType(ContentType.JSON).body(body).put(BASE + "/not-applicable/abc").then()
                .statusCode(400).body("errors[0].field", equalTo("item"));
        // graduate admissions do not apply to a vocational college anyway
        reviewer().contentType(ContentType.JSON).body(body).put(BASE + "/not-applicable/11").then()
                .statusCode(409).body("errors[0].field", equalTo("item"));
        reviewer().contentType(ContentType.JSON).body(body).put("/api/v1/console/schools/nope/not-applicable/16").then()
                .statusCode(404).body("errors[0].field", equalTo("schoolCode"));
        reviewer().get(BASE + "/coverage?period=20x9").then().statusCode(400).body("errors[0].field", equalTo("period"));
        reviewer().get(BASE + "/coverage?period=2028-2030").then().statusCode(400).body("errors[0].field", equalTo("period"));
        reviewer().get(BASE + "/coverage?asOf=yesterday").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        // the school-year form of a period
        reviewer().get(BASE + "/coverage?period=2028-2029&asOf=2029-06-30").then().statusCode(200)
                .body("period.year", equalTo(2029));
        // no person named: refused; no service account: 401; the public API stays read-only
        given().auth().preemptive().basic("console", "console-dev-password").get(BASE + "/coverage").then()
                .statusCode(400).body("errors[0].field", equalTo("X-Xxgk-Actor"));
        given().get(BASE + "/coverage").then().statusCode(401).contentType(containsString("application/problem+json"));
        given().contentType(ContentType.JSON).body(body).put("/api/v1/schools/xykj/not-applicable/16").then().statusCode(405);
        reviewer().get(COVERAGE).then().statusCode(200)
                .body("categories.items.flatten().find { it.number == 16 }.status", equalTo("MISSING"));
    }

    private static JsonPath item(JsonPath json, int number) {
        Object item = json.get("categories.items.flatten().find { it.number == " + number + " }");
        try {
            return JsonPath.from(EventCodec.mapper().writeValueAsString(item));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
