package io.xxgk.publish.rest;

import io.xxgk.publish.service.browse.PageCursor;
import io.xxgk.publish.service.browse.SearchTerms;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.publish.PublishFixture;
import io.xxgk.publish.service.browse.EntrySearchService;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.xxgk.publish.PublishFixture.awaitStatus;
import static io.xxgk.publish.PublishFixture.enc;
import static io.xxgk.publish.PublishFixture.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Browse and search of published items (school jclg, dates 2019-2026 outside the years other tests count). Each
 * group of items has a department unique to this run, so lists filtered by it hold exactly this test's items.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class BrowseTest {

    static final String SCHOOL = "jclg";
    static final String RUN = PublishFixture.runId();
    /** Filters and search. */
    static final String DEPT = "浏览测试处" + RUN;
    /** Pagination. */
    static final String PAGING = "翻页测试处" + RUN;
    /** ETag changes. */
    static final String ETAGS = "缓存测试处" + RUN;

    static final String TENDER = "b-" + RUN + "-tender";
    static final String RESULT = "b-" + RUN + "-result";
    static final String NEWS = "b-" + RUN + "-news";
    static final String SCHOLARSHIP = "b-" + RUN + "-scholarship";
    static final String PERCENT = "b-" + RUN + "-percent";
    static final String HELD = "b-" + RUN + "-held";
    static final String WITHHELD = "b-" + RUN + "-withheld";
    static final String WITHDRAWN = "b-" + RUN + "-withdrawn";
    static final String ITEMS = "/api/v1/schools/" + SCHOOL + "/items";

    private static boolean loaded;

    @Inject
    DataSource dataSource;

    static ItemClassified item(String id, int revision, String department, String title, String body, ItemKind kind,
                               LocalDate produced, LocalDate published, Integer checklistItem, Integer category,
                               Decision decision) {
        return PublishFixture.item(SCHOOL, id, decision, "STATE_SECRET").revision(revision).department(department)
                .title(title).body(body).kind(kind).producedDate(produced).publishedDate(published)
                .checklistItem(checklistItem).category(category).build();
    }

    static void awaitVisible(String id) {
        awaitStatus(ITEMS + "/" + id, 200);
    }

    /**
     * Five published items in DEPT, and three that must never show: held, withheld, and one withdrawn after it was
     * published. Events of one school share a partition, so once the last one is visible all were applied.
     */
    static synchronized void load() throws Exception {
        if (loaded) {
            return;
        }
        ItemClassified tender = PublishFixture.item(SCHOOL, TENDER, Decision.PUBLISH, null).department(DEPT)
                .title("2025年水电耗材采购项目招标公告").body("采购方式：公开招标。预算金额：80万元。").kind(ItemKind.PROCUREMENT_NOTICE)
                .producedDate(LocalDate.of(2025, 3, 3)).publishedDate(LocalDate.of(2025, 3, 5))
                .channels(List.of(Channel.WEBSITE, Channel.WECHAT)).checklistItem(18).category(3).confidence(0.95)
                .attachments(List.of(new AttachmentRef("jclg/" + TENDER + "/1.pdf", "招标文件.pdf", "application/pdf", 2048, "ab12")))
                .build();
        ItemClassified scholarship = PublishFixture.item(SCHOOL, SCHOLARSHIP, Decision.PUBLISH, null).department(DEPT)
                .title("2024-2025学年国家奖学金评审结果公示").body("经学院推荐、学校评审，拟推荐以下同学。").kind(ItemKind.OTHER)
                .producedDate(LocalDate.of(2025, 5, 20))
                .sourceUrl("https://www.jcut.edu.cn/info/1001/" + RUN + ".htm").checklistItem(37).category(6).build();
        send(item(WITHDRAWN, 1, DEPT, "图书采购项目招标公告", "公开招标", ItemKind.PROCUREMENT_NOTICE,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2), 18, 3, Decision.PUBLISH));
        awaitVisible(WITHDRAWN);
        send(item(WITHDRAWN, 2, DEPT, "图书采购项目招标公告", "公开招标", ItemKind.PROCUREMENT_NOTICE,
                        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2), 18, 3, Decision.WITHDRAW),
                item(HELD, 1, DEPT, "实验室设备采购项目招标公告（待审核）", "公开招标", ItemKind.PROCUREMENT_NOTICE,
                        LocalDate.of(2025, 3, 4), LocalDate.of(2025, 3, 4), 18, 3, Decision.HOLD),
                item(WITHHELD, 1, DEPT, "涉密采购项目招标公告", "邀请招标", ItemKind.PROCUREMENT_NOTICE,
                        LocalDate.of(2025, 3, 4), null, 18, 3, Decision.WITHHOLD),
                tender,
                item(RESULT, 1, DEPT, "2025年水电耗材采购项目中标结果公告", "中标单位：某某公司。", ItemKind.TENDER_RESULT,
                        LocalDate.of(2025, 3, 20), LocalDate.of(2025, 3, 21), 18, 3, Decision.PUBLISH),
                item(NEWS, 1, DEPT, "我校举行2025年春季田径运动会", "运动会圆满闭幕，PDF 版秩序册见附件。", ItemKind.NEWS,
                        LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 11), null, null, Decision.PUBLISH),
                item(PERCENT, 1, DEPT, "本科教学满意度达到98%_年度报告", "本科教学质量报告全文。", ItemKind.PLAN_REPORT,
                        LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 2), 35, 5, Decision.PUBLISH),
                scholarship);
        awaitVisible(SCHOLARSHIP);
        awaitStatus(ITEMS + "/" + WITHDRAWN, 404);
        loaded = true;
    }

    static List<String> ids(String query) {
        return given().urlEncodingEnabled(false).when().get(ITEMS + "?" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    static String dept(String department) {
        return "department=" + enc(department);
    }

    @Test
    void listsOnlyPublishedEntriesNewestFirstWithFilters() throws Exception {
        load();
        given().when().get(ITEMS + "?department=" + DEPT).then().statusCode(200)
                .body("school", equalTo(SCHOOL))
                .body("limit", equalTo(20))
                .body("count", equalTo(5))
                .body("total", equalTo(5))
                .body("items.id", contains(PERCENT, SCHOLARSHIP, NEWS, RESULT, TENDER))
                .body("$", not(hasKey("next")))
                .body("items[0].kind", equalTo("PLAN_REPORT"))
                .body("items[0].kindLabel", equalTo("规划计划与报告"))
                .body("items[0].checklistItem", equalTo(35))
                .body("items[0].category", equalTo(5))
                .body("items[0].detailUrl", equalTo(ITEMS + "/" + PERCENT))
                // the link a person follows is the item's web page, never the JSON API (issue 11 item 3)
                .body("items[0].link", equalTo("/schools/" + SCHOOL + "/items/" + PERCENT))
                .body("items[1].link", startsWith("https://www.jcut.edu.cn/"))
                .body("items[1].publishedDate", nullValue())
                .body("items[1].producedDate", equalTo("2025-05-20"));

        String d = dept(DEPT);
        assertThat(ids(d + "&kind=PROCUREMENT_NOTICE"), contains(TENDER));
        assertThat(ids(d + "&kind=" + enc("采购招标公告")), contains(TENDER));
        assertThat(ids(d + "&kind=tender_result"), contains(RESULT));
        assertThat(ids(d + "&checklistItem=18"), contains(RESULT, TENDER));
        assertThat(ids(d + "&category=3"), contains(RESULT, TENDER));
        assertThat(ids(d + "&category=6&checklistItem=37"), contains(SCHOLARSHIP));
        assertThat(ids(d + "&from=2025-04-01"), contains(PERCENT, SCHOLARSHIP, NEWS));
        // both ends inclusive, on the published date or, without one, the produced date
        assertThat(ids(d + "&from=2025-03-21&to=2025-05-20"), contains(SCHOLARSHIP, NEWS, RESULT));
        assertThat(ids(d + "&to=2025-03-05"), contains(TENDER));
        // empty values are no filter, as a website form sends them
        assertThat(ids(d + "&kind=&category=&from=&q="), contains(PERCENT, SCHOLARSHIP, NEWS, RESULT, TENDER));
        assertThat(ids("department=" + enc("没有这个部门" + RUN)), empty());

        // held, withheld and withdrawn never appear, whatever the filter
        List<String> all = ids("limit=100&" + d + "&checklistItem=18&q=" + enc("招标"));
        assertThat(all, contains(TENDER));
    }

    @Test
    void chineseKeywordSearch() throws Exception {
        load();
        String d = dept(DEPT) + "&q=";
        // a two-character word: the tender (title and body), not the tender result nor the news
        assertThat(ids(d + enc("招标")), contains(TENDER));
        // three and more characters; body only
        assertThat(ids(d + enc("奖学金")), contains(SCHOLARSHIP));
        assertThat(ids(d + enc("圆满闭幕")), contains(NEWS));
        // several terms are AND-ed; full-width space separates too
        assertThat(ids(d + enc("水电 公告")), contains(RESULT, TENDER));
        assertThat(ids(d + enc("招标\u3000水电")), contains(TENDER));
        assertThat(ids(d + enc("招标 运动会")), empty());
        // one character: no bigram, still found
        assertThat(ids(d + enc("奖")), contains(SCHOLARSHIP));
        // case-insensitive for Latin letters
        assertThat(ids(d + "pdf"), contains(NEWS));
        // % and _ are literal characters, not wildcards
        assertThat(ids(d + enc("98%")), contains(PERCENT));
        assertThat(ids(d + enc("%")), contains(PERCENT));
        assertThat(ids(d + enc("_")), contains(PERCENT));
        assertThat(ids(d + enc("满意度%")), empty());
        assertThat(ids(d + enc("满意度_")), empty());
        // combined with filters
        assertThat(ids(d + enc("公告") + "&kind=TENDER_RESULT"), contains(RESULT));

        // without the department filter: across the school, still only published entries
        List<String> school = ids("limit=100&q=" + enc("招标"));
        assertThat(school, hasItem(TENDER));
        assertThat(school, not(hasItem(NEWS)));
        assertThat(school, not(hasItem(HELD)));
        assertThat(school, not(hasItem(WITHHELD)));
        assertThat(school, not(hasItem(WITHDRAWN)));
    }

    @Test
    void detailNamesTheChecklistItemAndCategory() throws Exception {
        load();
        Checklist checklist = Checklist.national();
        given().when().get(ITEMS + "/" + TENDER).then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("id", equalTo(TENDER))
                .body("school", equalTo(SCHOOL))
                .body("revision", equalTo(1))
                .body("title", equalTo("2025年水电耗材采购项目招标公告"))
                .body("body", equalTo("采购方式：公开招标。预算金额：80万元。"))
                .body("department", equalTo(DEPT))
                .body("kind", equalTo("PROCUREMENT_NOTICE"))
                .body("kindLabel", equalTo("采购招标公告"))
                .body("producedDate", equalTo("2025-03-03"))
                .body("publishedDate", equalTo("2025-03-05"))
                .body("channels.code", contains("WEBSITE", "WECHAT"))
                .body("channels.label", contains("学校网站", "微信公众号"))
                .body("checklistItem.number", equalTo(18))
                .body("checklistItem.text", equalTo(checklist.item(18).orElseThrow().text()))
                .body("category.number", equalTo(3))
                .body("category.label", equalTo("三"))
                .body("category.name", equalTo("财务、资产及收费信息"))
                .body("link", equalTo("/schools/" + SCHOOL + "/items/" + TENDER))
                .body("sourceUrl", nullValue())
                .body("attachments[0].fileName", equalTo("招标文件.pdf"))
                .body("attachments[0].size", equalTo(2048))
                .body("updatedAt", notNullValue());

        given().when().get(ITEMS + "/" + SCHOLARSHIP).then().statusCode(200)
                .body("link", equalTo("https://www.jcut.edu.cn/info/1001/" + RUN + ".htm"))
                .body("sourceUrl", equalTo("https://www.jcut.edu.cn/info/1001/" + RUN + ".htm"))
                .body("publishedDate", nullValue())
                .body("checklistItem.text", equalTo(checklist.item(37).orElseThrow().text()))
                .body("category.name", equalTo("学生管理服务信息"))
                .body("attachments", empty());

        given().when().get(ITEMS + "/" + NEWS).then().statusCode(200)
                .body("checklistItem", nullValue())
                .body("category", nullValue());
    }

    @Test
    void hiddenItemsAnswerExactlyLikeMissingOnes() throws Exception {
        load();
        String missing = "b-" + RUN + "-never";
        Response absent = given().when().get(ITEMS + "/" + missing);
        absent.then().statusCode(404).contentType(containsString("application/problem+json"))
                .header("ETag", nullValue());
        String expected = absent.asString().replace(missing, "ID");
        for (String hidden : List.of(HELD, WITHHELD, WITHDRAWN)) {
            Response r = given().when().get(ITEMS + "/" + hidden);
            r.then().statusCode(404).contentType(containsString("application/problem+json")).header("ETag", nullValue());
            assertThat(hidden, r.asString().replace(hidden, "ID"), equalTo(expected));
            assertThat(r.getHeader("Content-Type"), equalTo(absent.getHeader("Content-Type")));
        }
        given().when().get("/api/v1/schools/nope/items/" + TENDER).then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("detail", containsString("nope"));
        given().when().get("/api/v1/schools/nope/items").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void paginationWalksEveryEntryOnceEvenWhileItemsArrive() throws Exception {
        load();
        // 13 entries, three per day so that ties on the date are ordered by id
        List<ItemClassified> events = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            LocalDate day = LocalDate.of(2024, 10, 1).plusDays(i / 3);
            events.add(item(String.format("p-%s-%02d", RUN, (i * 7) % 13), 1, PAGING, "翻页测试 " + i, "正文", ItemKind.NEWS,
                    day, i % 2 == 0 ? day : null, null, null, Decision.PUBLISH));
        }
        send(events.toArray(ItemClassified[]::new));
        String last = events.get(events.size() - 1).itemId();
        awaitVisible(last);
        List<String> expected = events.stream()
                .sorted(Comparator.comparing(ItemClassified::producedDate).reversed().thenComparing(ItemClassified::itemId))
                .map(ItemClassified::itemId).toList();

        Response first = given().when().get(ITEMS + "?limit=5&department=" + PAGING);
        first.then().statusCode(200).body("count", equalTo(5)).body("limit", equalTo(5)).body("total", equalTo(13))
                .body("next", notNullValue()).body("nextUrl", containsString("cursor="));
        List<String> walked = new ArrayList<>(first.jsonPath().getList("items.id", String.class));

        // between pages: one newer than everything (before the cursor: not in this walk), one older (after it: last)
        String newer = "p-" + RUN + "-newer";
        String older = "p-" + RUN + "-older";
        send(item(newer, 1, PAGING, "翻页测试 新", "正文", ItemKind.NEWS, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2),
                        null, null, Decision.PUBLISH),
                item(older, 1, PAGING, "翻页测试 旧", "正文", ItemKind.NEWS, LocalDate.of(2019, 1, 1), null,
                        null, null, Decision.PUBLISH));
        awaitVisible(older);

        String nextUrl = first.jsonPath().getString("nextUrl");
        int pages = 1;
        while (nextUrl != null) {
            Response page = given().urlEncodingEnabled(false).when().get(nextUrl);
            page.then().statusCode(200).body("$", not(hasKey("total")));
            List<String> ids = page.jsonPath().getList("items.id", String.class);
            assertThat(ids.size() <= 5 && !ids.isEmpty(), equalTo(true));
            walked.addAll(ids);
            nextUrl = page.jsonPath().getString("nextUrl");
            if (nextUrl != null) {
                assertThat(page.jsonPath().getString("next"), notNullValue());
            }
            pages++;
        }
        List<String> expectedWalk = new ArrayList<>(expected);
        expectedWalk.add(older);
        assertThat(walked, equalTo(expectedWalk));
        assertThat(pages, equalTo(3));

        // a fresh walk starts with the newer one; the cursor parameter works on its own too
        Response again = given().when().get(ITEMS + "?limit=1&department=" + PAGING);
        again.then().body("items.id", contains(newer)).body("total", equalTo(15));
        given().when().get(ITEMS + "?limit=2&department=" + PAGING + "&cursor=" + again.jsonPath().getString("next"))
                .then().statusCode(200).body("items.id", contains(expected.get(0), expected.get(1)));
    }

    @Test
    void entityTagsAndNotModified() throws Exception {
        load();
        String list = ITEMS + "?department=" + DEPT;
        for (String url : List.of(list, ITEMS + "/" + TENDER, "/api/v1/schools/" + SCHOOL + "/catalogue",
                "/api/v1/schools", "/api/v1/schools/" + SCHOOL)) {
            Response r = given().when().get(url);
            r.then().statusCode(200).header("Cache-Control", containsString("max-age=60"));
            String etag = r.getHeader("ETag");
            assertThat(url, etag, startsWith("\""));
            // stable while nothing changes
            assertThat(url, given().when().get(url).getHeader("ETag"), equalTo(etag));

            given().header("If-None-Match", etag).when().get(url).then().statusCode(304)
                    .header("ETag", equalTo(etag))
                    .header("Cache-Control", containsString("max-age=60"))
                    .body(emptyString());
            given().header("If-None-Match", "\"other\", W/" + etag).when().get(url).then().statusCode(304);
            given().header("If-None-Match", "*").when().get(url).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").when().get(url).then().statusCode(200)
                    .header("ETag", equalTo(etag));
        }
        // errors carry no ETag and ignore If-None-Match
        given().header("If-None-Match", "*").when().get(ITEMS + "?limit=0").then().statusCode(400).header("ETag", nullValue());
        given().header("If-None-Match", "*").when().get(ITEMS + "/" + HELD).then().statusCode(404).header("ETag", nullValue());
    }

    @Test
    void entityTagChangesWithTheData() throws Exception {
        String first = "e-" + RUN + "-1";
        send(item(first, 1, ETAGS, "缓存测试", "正文", ItemKind.NEWS, LocalDate.of(2025, 1, 6), null, null, null, Decision.PUBLISH));
        awaitVisible(first);
        String list = ITEMS + "?department=" + ETAGS;
        String before = given().when().get(list).getHeader("ETag");
        String detailBefore = given().when().get(ITEMS + "/" + first).getHeader("ETag");

        String second = "e-" + RUN + "-2";
        send(item(second, 1, ETAGS, "缓存测试二", "正文", ItemKind.NEWS, LocalDate.of(2025, 1, 7), null, null, null, Decision.PUBLISH),
                item(first, 2, ETAGS, "缓存测试（更正）", "正文", ItemKind.NEWS, LocalDate.of(2025, 1, 6), null, null, null, Decision.PUBLISH));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get(ITEMS + "/" + first).then().statusCode(200).body("revision", equalTo(2)));
        given().header("If-None-Match", before).when().get(list).then().statusCode(200)
                .header("ETag", not(equalTo(before))).body("items.id", contains(second, first));
        given().header("If-None-Match", detailBefore).when().get(ITEMS + "/" + first).then().statusCode(200)
                .body("title", equalTo("缓存测试（更正）"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "limit=0                         | limit",
            "limit=101                       | limit",
            "limit=abc                       | limit",
            "checklistItem=0                 | checklistItem",
            "checklistItem=51                | checklistItem",
            "checklistItem=x                 | checklistItem",
            "category=11                     | category",
            "kind=FOO                        | kind",
            "from=2025-13-01                 | from",
            "to=20250101                     | to",
            "from=2025-05-01&to=2025-04-01   | to",
            "from=0001-01-01                 | from",
            "cursor=!!!                      | cursor",
            "cursor=djF8bm90LWEtZGF0ZXx4     | cursor",
            "q=1%202%203%204%205%206%207%208%209%2010%2011 | q",
    })
    void invalidParametersAreNamedProblems(String query, String parameter) {
        given().urlEncodingEnabled(false).when().get(ITEMS + "?" + query).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("type", equalTo("https://xxgk.io/problems/validation"))
                .body("errors.field", contains(parameter))
                .body("detail", containsString(parameter));
    }

    @Test
    void everyInvalidParameterIsNamedAtOnce() {
        given().when().get(ITEMS + "?limit=0&kind=FOO&q=" + "长".repeat(101)).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", contains("kind", "q", "limit"))
                .body("errors[0].messageZh", containsString("信息类型"));
    }

    /** The keyword search can use the bigram index, and the index holds what the documentation says. */
    @Test
    void searchUsesTheBigramIndex() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select xxgk_bigrams('招标 公告ABC')")) {
                rs.next();
                // lower-cased, distinct, none across white space
                assertThat(List.of((String[]) rs.getArray(1).getArray()), containsInAnyOrder("招标", "公告", "告a", "ab", "bc"));
            }
            // a school of 3,000 entries, 30 of them tenders, inside a transaction that is rolled back
            c.setAutoCommit(false);
            st.execute("""
                    insert into catalogue_entry (school_code, item_id, revision, status, confidence, department, title, body,
                                                 kind, produced_date, channels, updated_at)
                    select 'explain', 'x-' || i, 1, 'PUBLISHED', 0.9, '办公室',
                           case when i % 100 = 0 then '设备采购项目招标公告' || i else '学校新闻动态' || md5(i::text) end,
                           repeat(md5(i::text), 5), 'NEWS', date '2020-01-01' + i % 1500, 'WEBSITE', now()
                    from generate_series(1, 3000) i""");
            st.execute("analyze catalogue_entry");
            String search = explain(st, "select e.item_id from catalogue_entry e where e.school_code = 'explain'"
                    + " and e.status = 'PUBLISHED' and " + EntrySearchService.DOCUMENT_BIGRAMS + " @> xxgk_bigrams('招标')"
                    + " and (e.title ilike '%招标%' or e.body ilike '%招标%')"
                    + " order by " + EntrySearchService.SORT_DATE + " desc, e.item_id limit 21");
            String page = explain(st, "select e.item_id from catalogue_entry e where e.school_code = 'explain'"
                    + " and e.status = 'PUBLISHED' and " + EntrySearchService.SORT_DATE + " <= date '2022-01-01'"
                    + " and (" + EntrySearchService.SORT_DATE + " < date '2022-01-01' or e.item_id > 'x-100')"
                    + " order by " + EntrySearchService.SORT_DATE + " desc, e.item_id limit 21");
            c.rollback();
            assertThat(search, containsString("catalogue_public_search"));
            assertThat(page, containsString("catalogue_public_by_date"));
            assertThat(page, not(containsString("Sort")));
        }
    }

    private static String explain(Statement st, String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = st.executeQuery("explain " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void cursorIsOpaqueAndRoundTrips() {
        PageCursor c = new PageCursor(LocalDate.of(2025, 3, 5), "id|with|bars 和中文");
        assertThat(PageCursor.decode(c.encode()).orElseThrow(), equalTo(c));
        assertThat(PageCursor.decode(Base64.getUrlEncoder().encodeToString("v2|2025-01-01|x".getBytes(StandardCharsets.UTF_8)))
                .isPresent(), equalTo(false));
        assertThat(SearchTerms.containsPattern("a%b_c\\d"), equalTo("%a\\%b\\_c\\\\d%"));
        assertThat(SearchTerms.split(" 招标\u3000 公告  招标 "), contains("招标", "公告"));
        assertThat(EntityTagFilter.matches(List.of("\"a\", W/\"b\""), "\"b\""), equalTo(true));
        assertThat(EntityTagFilter.matches(List.of("\"a\"", "\"c\""), "\"b\""), equalTo(false));
        assertThat(EntityTagFilter.matches(null, "\"b\""), equalTo(false));
    }
}
