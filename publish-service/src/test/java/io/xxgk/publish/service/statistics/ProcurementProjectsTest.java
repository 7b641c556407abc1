package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Procurement counted as notices and as projects: a notice, its correction and its result (中标/成交结果公告) are one
 * project when they carry the same 项目编号, as real notices write it in the title or the body. School zjjhk
 * (calendar year), 2012-2014 only, which no other test gives data (TimelinessTest has 2024, ProvinceOverviewTest 2021-2022).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ProcurementProjectsTest {

    static final String SCHOOL = "zjjhk";
    static final String NAME = "张家界航空工业职业技术学院";

    static ItemClassified item(String id, ItemKind kind, String title, String body, LocalDate published, Decision decision) {
        return ItemClassified.builder().itemId(id).revision(1).schoolCode(SCHOOL).department("国有资产管理处")
                .title(title).body(body).kind(kind).producedDate(published.minusDays(1)).publishedDate(published)
                .channels(List.of(Channel.WEBSITE)).checklistItem(kind == ItemKind.NEWS ? null : 18)
                .category(kind == ItemKind.NEWS ? null : 3).confidence(0.9).explanation("test").decision(decision)
                .classifiedAt(Instant.now()).build();
    }

    static final List<ItemClassified> ITEMS = List.of(
            // a notice and its result, number in the body
            item("zjjhk13-cg001-n", ItemKind.PROCUREMENT_NOTICE, NAME + "飞机维修实训室设备采购项目招标公告",
                    "一、项目基本情况\n项目编号：ZJJHK-2013-CG-001\n项目名称：飞机维修实训室设备采购", LocalDate.of(2013, 3, 6), Decision.PUBLISH),
            item("zjjhk13-cg001-r", ItemKind.TENDER_RESULT, NAME + "飞机维修实训室设备采购项目中标结果公告",
                    "项目编号：ZJJHK-2013-CG-001\n中标供应商：湖南某科技有限公司", LocalDate.of(2013, 4, 10), Decision.PUBLISH),
            // a notice (number in the title), its correction (full-width, lower case) and its result: one project
            item("zjjhk13-cg002-n", ItemKind.PROCUREMENT_NOTICE, "学生公寓物业服务采购项目竞争性磋商公告（项目编号：ZJJHK-2013-CG-002）",
                    "详见附件", LocalDate.of(2013, 5, 8), Decision.PUBLISH),
            item("zjjhk13-cg002-c", ItemKind.PROCUREMENT_NOTICE, "学生公寓物业服务采购项目更正公告",
                    "原公告项目编号：ｚｊｊｈｋ－２０１３－ｃｇ－００２，现将开标时间更正如下。", LocalDate.of(2013, 5, 15), Decision.PUBLISH),
            item("zjjhk13-cg002-r", ItemKind.TENDER_RESULT, "学生公寓物业服务采购项目成交结果公告",
                    "采购项目编号: ZJJHK-2013-CG-002；成交供应商：张家界某物业管理有限公司", LocalDate.of(2013, 6, 12), Decision.PUBLISH),
            // notice of the previous year, result this year: a project of this year with both published
            item("zjjhk12-cg019-n", ItemKind.PROCUREMENT_NOTICE, "教学楼维修改造工程招标公告", "招标编号为 ZJJHK-2012-CG-019",
                    LocalDate.of(2012, 12, 5), Decision.PUBLISH),
            item("zjjhk13-cg019-r", ItemKind.TENDER_RESULT, "教学楼维修改造工程中标候选人公示", "招标编号：ZJJHK-2012-CG-019",
                    LocalDate.of(2013, 1, 9), Decision.PUBLISH),
            // a notice whose result comes next year: awaiting its result at the end of 2013
            item("zjjhk13-hnzc457-n", ItemKind.PROCUREMENT_NOTICE, "图书馆图书采购项目公开招标公告", "政府采购编号：HNZC-2013-0457",
                    LocalDate.of(2013, 11, 20), Decision.PUBLISH),
            item("zjjhk14-hnzc457-r", ItemKind.TENDER_RESULT, "图书馆图书采购项目中标结果公告", "政府采购编号：HNZC-2013-0457",
                    LocalDate.of(2014, 1, 8), Decision.PUBLISH),
            // a result whose notice was published elsewhere (the provincial platform only)
            item("zjjhk13-hnzc999-r", ItemKind.TENDER_RESULT, "食堂食材采购项目成交结果公告", "采购编号：HNZC-2013-0999",
                    LocalDate.of(2013, 9, 4), Decision.PUBLISH),
            // a notice without a number: a notice, not a project
            item("zjjhk13-water-n", ItemKind.PROCUREMENT_NOTICE, "2013年水电耗材采购招标公告", "项目编号：详见附件",
                    LocalDate.of(2013, 7, 3), Decision.PUBLISH),
            // never counted: news that names a number, a held notice
            item("zjjhk13-news", ItemKind.NEWS, "我院召开实训室建设项目推进会", "会上通报了项目编号 ZJJHK-2013-CG-001 的验收安排。",
                    LocalDate.of(2013, 5, 20), Decision.PUBLISH),
            item("zjjhk13-held-n", ItemKind.PROCUREMENT_NOTICE, "校园安防系统采购项目招标公告", "项目编号：ZJJHK-2013-CG-008",
                    LocalDate.of(2013, 8, 1), Decision.HOLD));

    @Test
    void noticesResultsAndProjectsLinkedByProjectNumber() throws Exception {
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            for (ItemClassified e : ITEMS) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))).get();
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().get("/api/v1/schools/zjjhk/statistics?year=2014").then().statusCode(200)
                        .body("procurement.results", equalTo(1)));
        given().get("/api/v1/schools/zjjhk/statistics?year=2013").then().statusCode(200)
                .body("published", equalTo(10))
                .body("procurement.notices", equalTo(5))
                .body("procurement.results", equalTo(4))
                .body("procurement.unnumbered", equalTo(1))
                .body("procurement.projects", equalTo(5))
                .body("procurement.projectsWithNoticeAndResult", equalTo(3))
                .body("procurement.projectsAwaitingResult", equalTo(1))
                .body("procurement.projectsWithResultOnly", equalTo(1));
        // 2014: the result of HNZC-2013-0457 links to its notice of 2013
        given().get("/api/v1/schools/zjjhk/statistics?year=2014").then().statusCode(200)
                .body("procurement.notices", equalTo(0))
                .body("procurement.projects", equalTo(1))
                .body("procurement.projectsWithNoticeAndResult", equalTo(1));

        String html = given().get("/api/v1/schools/zjjhk/annual-report?year=2013&format=html").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("学校公开采购招标公告5条、中标（成交）结果公告4条，涉及采购项目5项（按项目编号计），其中招标公告和结果公告均已公开的3项，"
                + "尚待公开结果的1项；另有1条公告未载明项目编号，未计入项目数。"), html);
    }

    @Test
    void aYearWithoutProcurementSaysNothingAboutIt() {
        given().get("/api/v1/schools/zjjhk/statistics?year=2011").then().statusCode(200)
                .body("procurement.notices", equalTo(0))
                .body("procurement.projects", equalTo(0));
        String html = given().get("/api/v1/schools/zjjhk/annual-report?year=2011&format=html").then().statusCode(200)
                .extract().asString();
        assertTrue(!html.contains("采购招标公告"), html);
    }
}
