package io.xxgk.publish.service.yearend;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Year-end figures that are not items (issue 11 item 6): 株洲师范's 2021-2022 figures as its seed report states them
 * (官微推文235余期、粉丝数23500人、总阅读量771759人次、最高单篇10078人次; 视频号粉丝464人、视频63条、浏览273538人次; 校报1期;
 * 中层干部会议13次、党委会10余次、校务会12次、党政联席会10余次; the four dimensions of its 自查), recorded through the
 * console API and shown in the statistics of that period.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class YearEndFiguresTest {

    static final String FIGURES = "/api/v1/console/schools/zzsz/year-end-figures/";

    static RequestSpecification as(String role, String name, String department) {
        RequestSpecification r = given().auth().preemptive().basic("console", "console-dev-password")
                .header("X-Xxgk-Actor", ActingUser.headerValue(name)).header("X-Xxgk-Actor-Role", role);
        return department == null ? r : r.header("X-Xxgk-Actor-Department", ActingUser.headerValue(department));
    }

    static RequestSpecification reviewer() {
        return as("REVIEWER", "王审核", null);
    }

    static final String SEED_2022 = """
            {"wechatPosts": {"value": 235, "approximate": true}, "wechatFollowers": 23500, "wechatReads": 771759,
             "wechatTopArticleReads": 10078, "videoFollowers": 464, "videoPosts": 63, "videoViews": 273538,
             "campusPaperIssues": 1, "cadreMeetings": 13, "partyCommitteeMeetings": {"value": 10, "approximate": true},
             "presidentOfficeMeetings": 12, "jointMeetings": {"value": 10, "approximate": true},
             "selfInspectionCompleteness": "对照《公开事项清单》逐条核查，条目完整",
             "selfInspectionAvailability": "公开内容均可在信息公开专栏获取",
             "selfInspectionTimeliness": "部分事项更新不及时，已列表督办",
             "selfInspectionConvenience": "专栏入口清晰，操作便捷",
             "weiboPosts": null}
            """;

    @Test
    void theSeedsYearEndFiguresAreRecordedAndAppearInThatPeriodsStatistics() {
        reviewer().contentType(ContentType.JSON).body(SEED_2022).put(FIGURES + "2022").then().statusCode(200)
                .body("periodKind", equalTo("SCHOOL_YEAR"))
                .body("year", equalTo(2022))
                .body("figures", hasSize(16))
                .body("updatedBy", equalTo("王审核"));

        JsonPath json = given().get("/api/v1/schools/zzsz/statistics?year=2022").then().statusCode(200).extract().jsonPath();
        String f = "yearEndFigures.figures.find { it.key == '%s' }.%s";
        assertEquals(23500, json.getInt(f.formatted("wechatFollowers", "count")));
        assertEquals("23500人", json.getString(f.formatted("wechatFollowers", "display")));
        assertEquals(771759, json.getInt(f.formatted("wechatReads", "count")));
        assertEquals("771759人次", json.getString(f.formatted("wechatReads", "display")));
        assertEquals("10078人次", json.getString(f.formatted("wechatTopArticleReads", "display")));
        assertEquals("235余条", json.getString(f.formatted("wechatPosts", "display")));
        assertEquals(true, json.getBoolean(f.formatted("wechatPosts", "approximate")));
        assertEquals("464人", json.getString(f.formatted("videoFollowers", "display")));
        assertEquals("273538人次", json.getString(f.formatted("videoViews", "display")));
        assertEquals("1期", json.getString(f.formatted("campusPaperIssues", "display")));
        assertEquals("13次", json.getString(f.formatted("cadreMeetings", "display")));
        assertEquals("10余次", json.getString(f.formatted("partyCommitteeMeetings", "display")));
        assertEquals("MEETINGS", json.getString(f.formatted("partyCommitteeMeetings", "group")));
        assertEquals("会议公开", json.getString(f.formatted("partyCommitteeMeetings", "groupLabel")));
        assertEquals("条目完整性", json.getString(f.formatted("selfInspectionCompleteness", "label")));
        assertEquals("部分事项更新不及时，已列表督办", json.getString(f.formatted("selfInspectionTimeliness", "text")));
        // in the order of the fixed keys: new media first, the self-inspection last
        assertEquals("wechatPosts", json.getString("yearEndFigures.figures[0].key"));
        assertEquals(List.of("selfInspectionCompleteness", "selfInspectionAvailability", "selfInspectionTimeliness",
                "selfInspectionConvenience"), json.getList("yearEndFigures.figures.key").subList(12, 16));

        // the draft annual report prints them, one sentence per group (二（二）)
        String report = given().get("/api/v1/schools/zzsz/annual-report?year=2022").then().statusCode(200).extract().asString();
        assertTrue(report.contains("新媒体：微信公众号推送信息235余条，微信公众号关注人数23500人"), "report prints the new-media figures");
        assertTrue(report.contains("会议公开：党委会10余次"), "report prints the meetings");
        assertTrue(report.contains("更新及时性：部分事项更新不及时，已列表督办"), "report prints the self-inspection");

        // the figures belong to the 2021-2022 school year: not to the calendar year 2022, nor to another year
        given().get("/api/v1/schools/zzsz/statistics?year=2022&period=calendar-year").then().statusCode(200)
                .body("yearEndFigures.figures", empty());
        given().get("/api/v1/schools/zzsz/statistics?year=2021").then().statusCode(200)
                .body("yearEndFigures.figures", empty());
        reviewer().get(FIGURES + "2022").then().statusCode(200).body("figures", hasSize(16));
        as("EDITOR", "李会计", "计划财务处").get(FIGURES + "2022").then().statusCode(200).body("figures", hasSize(16));
    }

    /** What the console's report form lists: every key, in order, with label, unit and kind. */
    @Test
    void theKeysAreListedForTheConsolesForm() {
        given().auth().preemptive().basic("console", "console-dev-password").get("/api/v1/console/year-end-figure-keys")
                .then().statusCode(200)
                .body("size()", equalTo(YearEndFigure.values().length))
                .body("[0].key", equalTo("wechatPosts"))
                .body("find { it.key == 'trainingSessions' }.groupLabel", equalTo("信息公开培训"))
                .body("find { it.key == 'surveySatisfactionPercent' }.kind", equalTo("PERCENT"))
                .body("find { it.key == 'surveySatisfactionPercent' }.unit", equalTo("%"))
                .body("find { it.key == 'selfInspectionTimeliness' }.kind", equalTo("TEXT"));
        given().get("/api/v1/console/year-end-figure-keys").then().statusCode(401);
    }

    @Test
    void aPutReplacesThePeriodsSet() {
        reviewer().contentType(ContentType.JSON).body("{\"mediaReports\": 120, \"nationalMediaReports\": 12, \"sunshineCases\": 106,"
                + " \"sunshineResolved\": 106, \"sunshineSatisfactionPercent\": 98.5, \"surveySatisfactionPercent\": 90}")
                .put(FIGURES + "2019?period=calendar-year").then().statusCode(200).body("figures", hasSize(6))
                .body("figures.find { it.key == 'sunshineSatisfactionPercent' }.display", equalTo("98.5%"))
                .body("figures.find { it.key == 'surveySatisfactionPercent' }.display", equalTo("90.0%"));
        as("ADMIN", "管理员", null).contentType(ContentType.JSON).body("{\"mediaReports\": 121}")
                .put(FIGURES + "2019?period=calendar-year").then().statusCode(200).body("figures.key", equalTo(List.of("mediaReports")))
                .body("updatedRole", equalTo("ADMIN"));
        given().get("/api/v1/schools/zzsz/statistics?year=2019&period=calendar-year").then().statusCode(200)
                .body("yearEndFigures.figures.key", equalTo(List.of("mediaReports")))
                .body("yearEndFigures.figures[0].count", equalTo(121));
        reviewer().contentType(ContentType.JSON).body("{}").put(FIGURES + "2019?period=calendar-year").then().statusCode(200)
                .body("figures", empty());
    }

    private static ValidatableResponse put(String body) {
        return reviewer().contentType(ContentType.JSON).body(body).put(FIGURES + "2018").then();
    }

    @Test
    void everyBadFigureIsNamedInChineseAndEnglishAndNothingIsStored() {
        put("{\"wechatFollowers\": -1, \"wechatReads\": \"很多\", \"videoPosts\": 2.5, \"surveySatisfactionPercent\": 100.5,"
                + " \"sunshineSatisfactionPercent\": 96.55, \"selfInspectionCompleteness\": \"  \", \"selfInspectionAvailability\": 3,"
                + " \"fans\": 1, \"surveyResult\": {\"value\": \"好\"}, \"cadreMeetings\": {\"value\": 3, \"approximate\": \"yes\"},"
                + " \"jointMeetings\": {\"approximate\": true}, \"briefingIssues\": {\"value\": 2, \"note\": 1}}")
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("wechatFollowers", "wechatReads", "videoPosts", "surveySatisfactionPercent",
                        "sunshineSatisfactionPercent", "selfInspectionCompleteness", "selfInspectionAvailability", "fans",
                        "surveyResult", "cadreMeetings.approximate", "jointMeetings.value", "briefingIssues.note"))
                .body("errors.find { it.field == 'wechatFollowers' }.messageZh", containsString("微信公众号关注人数"))
                .body("errors.find { it.field == 'wechatFollowers' }.message", containsString("whole number"))
                .body("errors.find { it.field == 'fans' }.code", equalTo("unknown-field"))
                .body("errors.find { it.field == 'surveySatisfactionPercent' }.messageZh", containsString("百分数"));
        put("{\"mediaReports\": 10, \"nationalMediaReports\": 12, \"sunshineCases\": 5, \"sunshineResolved\": 6}").statusCode(400)
                .body("errors.field", hasItems("nationalMediaReports", "sunshineResolved"))
                .body("errors.find { it.field == 'nationalMediaReports' }.messageZh", containsString("不能大于"));
        put("[1, 2]").statusCode(400).contentType(containsString("application/problem+json"));
        put("42").statusCode(400).contentType(containsString("application/problem+json")).body("errors.field", hasItem("body"));
        put("{\"wechatFollowers\": 1").statusCode(400).contentType(containsString("application/problem+json"));
        reviewer().get(FIGURES + "2018").then().statusCode(200).body("figures", empty());

        as("EDITOR", "李会计", "计划财务处").contentType(ContentType.JSON).body("{\"wechatFollowers\": 1}").put(FIGURES + "2018")
                .then().statusCode(403).contentType(containsString("application/problem+json"));
        as("LEADER", "张校长", null).contentType(ContentType.JSON).body("{\"wechatFollowers\": 1}").put(FIGURES + "2018")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"wechatFollowers\": 1}").put(FIGURES + "2018").then().statusCode(401);
        reviewer().contentType(ContentType.JSON).body("{}").put(FIGURES + "1999").then().statusCode(400)
                .body("errors.field", hasItem("year"));
        reviewer().contentType(ContentType.JSON).body("{}").put(FIGURES + "2018?period=decade").then().statusCode(400)
                .body("errors.field", hasItem("period"));
        reviewer().get("/api/v1/console/schools/nope/year-end-figures/2018").then().statusCode(404);
    }
}
