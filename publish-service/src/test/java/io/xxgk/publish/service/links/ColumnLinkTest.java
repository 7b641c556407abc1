package io.xxgk.publish.service.links;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * 栏目链接 (issue 11 item 3) of 张家界航空 (zjjhk, calendar years) in 2030: the office sets the column of an item on the
 * school's website through the console API; the catalogue, the statistics' 50 rows and the console's coverage carry it.
 * An entry without sourceUrl links to its public web page, never to the JSON API.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ColumnLinkTest {

    static final String SCHOOL = "zjjhk";
    static final String LINKS = "/api/v1/console/schools/" + SCHOOL + "/column-links";
    static final String COLUMN = "https://www.zjjhk.edu.cn/xxgk/cwzc/zbcg.htm";
    static final String TENDER = "cl30-tender 1";
    static final String WITH_SOURCE = "cl30-budget";

    private static boolean loaded;

    @BeforeEach
    void entries() throws Exception {
        if (loaded) {
            return;
        }
        send(item(TENDER, ItemKind.PROCUREMENT_NOTICE, 18, 3, null),
                item(WITH_SOURCE, ItemKind.BUDGET, 19, 3, "https://www.zjjhk.edu.cn/info/1001/1.htm"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/v1/schools/" + SCHOOL + "/statistics?year=2030").then().statusCode(200)
                        .body("published", equalTo(2)));
        loaded = true;
    }

    static ItemClassified item(String id, ItemKind kind, int checklistItem, int category, String sourceUrl) {
        return PublishFixture.item(SCHOOL, id, Decision.PUBLISH, null).department("国有资产管理处")
                .title(kind.label() + " " + id).body("正文").kind(kind).producedDate(LocalDate.of(2030, 3, 1))
                .publishedDate(LocalDate.of(2030, 3, 4)).sourceUrl(sourceUrl)
                .checklistItem(checklistItem).category(category).build();
    }

    @Test
    void theOfficeSetsAColumnLinkAndEveryFiftyRowTableCarriesIt() {
        reviewer().contentType(ContentType.JSON).body("{\"url\":\" " + COLUMN + " \"}").put(LINKS + "/18").then()
                .statusCode(200)
                .body("item", equalTo(18))
                .body("url", equalTo(COLUMN))
                .body("updatedBy", equalTo("王审核"))
                .body("updatedRole", equalTo("REVIEWER"));
        reviewer().get(LINKS).then().statusCode(200).body("find { it.item == 18 }.url", equalTo(COLUMN));

        given().get("/api/v1/schools/" + SCHOOL + "/statistics?year=2030").then().statusCode(200)
                .body("byChecklistItem.find { it.number == 18 }.columnLink", equalTo(COLUMN))
                .body("byChecklistItem.find { it.number == 19 }.columnLink", nullValue())
                // no sourceUrl: the item's public web page (id encoded as one path segment), not /api/...
                .body("byChecklistItem.find { it.number == 18 }.latest.link", equalTo("/schools/zjjhk/items/cl30-tender%201"))
                .body("byChecklistItem.find { it.number == 19 }.latest.link", equalTo("https://www.zjjhk.edu.cn/info/1001/1.htm"))
                .body(not(containsString("\"link\":\"/api/")));
        given().get("/api/v1/schools/" + SCHOOL + "/catalogue?year=2030").then().statusCode(200)
                .body("categories.items.flatten().find { it.number == 18 }.columnLink", equalTo(COLUMN))
                .body("categories.items.flatten().find { it.number == 18 }.entries[0].link", equalTo("/schools/zjjhk/items/cl30-tender%201"))
                .body("categories.items.flatten().find { it.number == 20 }.columnLink", nullValue());
        reviewer().get("/api/v1/console/schools/" + SCHOOL + "/coverage?period=2030&asOf=2030-06-30").then().statusCode(200)
                .body("categories.items.flatten().find { it.number == 18 }.columnLink", equalTo(COLUMN))
                .body("categories.items.flatten().find { it.number == 18 }.latest.link", equalTo("/schools/zjjhk/items/cl30-tender%201"));

        // changed, then removed
        console("ADMIN", "管理员", null).contentType(ContentType.JSON).body("{\"url\":\"https://www.zjjhk.edu.cn/xxgk/zbcg2.htm\"}")
                .put(LINKS + "/18").then().statusCode(200).body("updatedRole", equalTo("ADMIN"));
        given().get("/api/v1/schools/" + SCHOOL + "/catalogue?year=2030").then()
                .body("categories.items.flatten().find { it.number == 18 }.columnLink", equalTo("https://www.zjjhk.edu.cn/xxgk/zbcg2.htm"));
        reviewer().delete(LINKS + "/18").then().statusCode(204);
        reviewer().delete(LINKS + "/18").then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("item"));
        given().get("/api/v1/schools/" + SCHOOL + "/statistics?year=2030").then()
                .body("byChecklistItem.find { it.number == 18 }.columnLink", nullValue());
    }

    @Test
    void badInputIsAProblemNamingTheFieldInChineseAndEnglish() {
        for (String bad : List.of("www.zjjhk.edu.cn/xxgk", "ftp://zjjhk.edu.cn/x", "javascript:alert(1)", "https://", "https://a b.cn/x")) {
            reviewer().contentType(ContentType.JSON).body("{\"url\":" + EventCodec.encode(bad) + "}").put(LINKS + "/18").then()
                    .statusCode(400).contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem("url"))
                    .body("errors[0].messageZh", containsString("http"));
        }
        reviewer().contentType(ContentType.JSON).body("{}").put(LINKS + "/18").then().statusCode(400)
                .body("errors.field", hasItem("url"));
        reviewer().contentType(ContentType.JSON).body("{\"url\":\"https://x.cn/" + "a".repeat(1000) + "\"}").put(LINKS + "/18").then()
                .statusCode(400).body("errors.code", hasItem("too-long"));
        reviewer().contentType(ContentType.JSON).body("[\"" + COLUMN + "\"]").put(LINKS + "/18").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        reviewer().contentType(ContentType.JSON).body("{\"url\":\"" + COLUMN + "\"}").put(LINKS + "/51").then().statusCode(400)
                .body("errors.field", hasItem("item"));
        console("EDITOR", "李会计", "计划财务处").contentType(ContentType.JSON).body("{\"url\":\"" + COLUMN + "\"}").put(LINKS + "/18").then()
                .statusCode(403).contentType(containsString("application/problem+json"))
                .body("detail", equalTo("只有信息公开办公室审核人员或管理员可以设置栏目链接 / only a reviewer or an admin may set"
                        + " column links (acting user's role: EDITOR)"));
        given().contentType(ContentType.JSON).body("{\"url\":\"" + COLUMN + "\"}").put(LINKS + "/18").then().statusCode(401);
        reviewer().contentType(ContentType.JSON).body("{\"url\":\"" + COLUMN + "\"}").put("/api/v1/console/schools/nope/column-links/18")
                .then().statusCode(404);
    }
}
