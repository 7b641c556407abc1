package io.xxgk.publish.rest.site;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.Scope;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import io.xxgk.contract.event.SignOffStep;
import io.xxgk.publish.PublishFixture;
import io.xxgk.stack.LocalStack;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.TestServers;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.xxgk.publish.PublishFixture.awaitStatus;
import static io.xxgk.publish.PublishFixture.enc;
import static io.xxgk.publish.PublishFixture.send;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The public site's pages (信息公开网) of school zjjhk: what they show, and above all what they never show — held,
 * withheld, withdrawn, internal or unsigned items, raw personal data, attachments of withheld items, the JSON API's
 * internal fields — on every page, including search by a raw ID number or phone number. Each run has its own words,
 * so the assertions see only this test's items.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class SitePagesTest {

    static final String SCHOOL = "zjjhk";
    static final String RUN = PublishFixture.runId();
    static final String WORD = "助学金" + RUN;
    static final String DEPT = "学生工作处" + RUN;
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    static final String PUBLISHED = "site-" + RUN + "-published";
    static final String MASKED = "site-" + RUN + "-masked";
    static final String HELD = "site-" + RUN + "-held";
    static final String WITHHELD = "site-" + RUN + "-withheld";
    static final String WITHDRAWN = "site-" + RUN + "-withdrawn";
    static final String INTERNAL = "site-" + RUN + "-internal";
    static final String UNSIGNED = "site-" + RUN + "-unsigned";
    static final String LAST = "site-" + RUN + "-last";
    static final List<String> HIDDEN = List.of(HELD, WITHHELD, WITHDRAWN, INTERNAL, UNSIGNED);

    static final String RAW_ID = "430802200103154521";
    static final String RAW_PHONE = "13907441234";
    static final String EXPLANATION = "关键词命中：助学金 " + RUN;
    static final String PUBLIC_KEY = "sha256/public-" + RUN;
    static final String WITHHELD_KEY = "sha256/withheld-" + RUN;
    static final String SHA = "5f3a" + RUN + "9c";
    static final byte[] PDF = ("%PDF-1.4 site test " + RUN).getBytes(StandardCharsets.UTF_8);

    static final String BASE = "/schools/" + SCHOOL;
    private static boolean loaded;

    static ItemClassified.Builder item(String id, String title, String body, Decision decision) {
        return PublishFixture.item(SCHOOL, id, decision, "PERSONAL_PRIVACY").department(DEPT)
                .title(title).body(body).kind(ItemKind.OTHER).producedDate(TODAY.minusDays(2)).publishedDate(TODAY.minusDays(1))
                .checklistItem(37).category(6).confidence(0.87).explanation(EXPLANATION);
    }

    /**
     * Two published items (one with an attachment in the object store, one whose personal data classify masked), and
     * five that must never show, all with the run's word. Events of one school share a partition: once LAST is
     * visible, everything before it was applied.
     */
    static synchronized void load() throws Exception {
        if (loaded) {
            return;
        }
        TestServers.ObjectStore store = RealServers.stack().objectStore();
        try (MinioClient s3 = MinioClient.builder().endpoint(store.endpoint())
                .credentials(store.accessKey(), store.secretKey()).region("us-east-1").build()) {
            if (!s3.bucketExists(BucketExistsArgs.builder().bucket(LocalStack.BUCKET).build())) {
                s3.makeBucket(MakeBucketArgs.builder().bucket(LocalStack.BUCKET).build());
            }
            for (String key : List.of(PUBLIC_KEY, WITHHELD_KEY)) {
                s3.putObject(PutObjectArgs.builder().bucket(LocalStack.BUCKET).object(key)
                        .stream(new ByteArrayInputStream(PDF), PDF.length, -1).contentType("application/pdf").build());
            }
        }
        send(item(WITHDRAWN, "关于" + WORD + "评审结果的公示（已撤回）", "评审结果如下。", Decision.PUBLISH).build());
        awaitStatus(BASE + "/items/" + WITHDRAWN, 200);
        SignOff officeOnly = SignOff.start(SignOffMode.TWO_LEVEL).with(new SignOffStep(SignOffStage.OFFICE, SignOffAction.APPROVE,
                "李审核", "REVIEWER", Instant.now(), null, 37, null));
        send(item(WITHDRAWN, "关于" + WORD + "评审结果的公示（已撤回）", "评审结果如下。", Decision.WITHDRAW).revision(2).build(),
                item(PUBLISHED, "2026年国家" + WORD + "评审办法", "第一条 为做好国家助学金评审工作，制定本办法。\n第二条 本办法自公布之日起施行。",
                        Decision.PUBLISH)
                        .attachments(List.of(new AttachmentRef(PUBLIC_KEY, "评审办法（附表）.pdf", "application/pdf", PDF.length, SHA))).build(),
                item(MASKED, "2026年" + WORD + "拟资助学生名单公示", "王*，身份证号 430802**********21，联系电话 139****1234。",
                        Decision.PUBLISH).build(),
                item(HELD, "待审核的" + WORD + "发放明细", "李四，身份证号 " + RAW_ID + "，电话 " + RAW_PHONE + "。", Decision.HOLD).build(),
                item(WITHHELD, "不予公开的" + WORD + "困难认定材料", "张三，身份证号 " + RAW_ID + "，联系电话 " + RAW_PHONE + "。",
                        Decision.WITHHOLD)
                        .attachments(List.of(new AttachmentRef(WITHHELD_KEY, "困难认定表.pdf", "application/pdf", PDF.length, SHA))).build(),
                item(INTERNAL, "校内公开的" + WORD + "工作安排", "仅限校内。电话 " + RAW_PHONE, Decision.PUBLISH).scope(Scope.INTERNAL).build(),
                item(UNSIGNED, "尚未审定的" + WORD + "调整方案", "待分管领导审定。身份证号 " + RAW_ID, Decision.PUBLISH)
                        .signOff(officeOnly).build(),
                item(LAST, "关于" + WORD + "工作的补充通知", "补充通知正文。", Decision.PUBLISH).producedDate(TODAY.minusDays(3))
                        .publishedDate(TODAY.minusDays(3)).build());
        awaitStatus(BASE + "/items/" + LAST, 200);
        loaded = true;
    }

    static String page(String path, int status) {
        Response r = given().urlEncodingEnabled(false).redirects().follow(false).get(path);
        r.then().statusCode(status).contentType(containsString("text/html")).contentType(containsString("UTF-8"));
        String html = r.asString();
        assertThat(path, html, startsWith("<!DOCTYPE html>"));
        assertThat(path, html, containsString("<html lang=\"zh-CN\">"));
        return html;
    }

    /**
     * Nothing unpublished, no raw personal data, no internal field of the JSON API. A search page shows the searcher's
     * own words again in its form; what it found is everything after the form.
     */
    static void showsNothingHidden(String path, String page) {
        String html = page.contains("</form>") ? page.substring(page.indexOf("</form>")) : page;
        for (String id : HIDDEN) {
            assertThat(path, html, not(containsString(id)));
        }
        for (String title : List.of("待审核的" + WORD, "不予公开的" + WORD, "校内公开的" + WORD, "尚未审定的" + WORD,
                "（已撤回）", "困难认定表")) {
            assertThat(path, html, not(containsString(title)));
        }
        for (String secret : List.of(RAW_ID, RAW_PHONE, PUBLIC_KEY, WITHHELD_KEY, SHA, EXPLANATION, "confidence", "explanation",
                "objectKey", "0.87", "PERSONAL_PRIVACY")) {
            assertThat(path, html, not(containsString(secret)));
        }
    }

    @Test
    void everyPageShowsOnlyPublishedItemsAndNoPersonalData() throws Exception {
        load();
        List<String> paths = new ArrayList<>(List.of(BASE, BASE + "/catalogue", BASE + "/catalogue/embed", BASE + "/checklist",
                BASE + "/reports", BASE + "/search", "/provinces/" + enc("湖南省"), "/schools",
                BASE + "/items/" + PUBLISHED, BASE + "/items/" + MASKED, BASE + "/items/" + LAST));
        for (String q : List.of(WORD, RAW_ID, RAW_PHONE, "430802", "13907441234 " + WORD, "张三", "李四", "校内", "审定")) {
            paths.add(BASE + "/search?q=" + enc(q));
        }
        paths.add(BASE + "/search?department=" + enc(DEPT));
        paths.add(BASE + "/search?item=37&department=" + enc(DEPT) + "&from=" + TODAY.minusDays(30) + "&to=" + TODAY);
        paths.add(BASE + "/search?category=6&q=" + enc(WORD));
        for (String path : paths) {
            showsNothingHidden(path, page(path, 200));
        }

        // search by a raw ID or phone number finds nothing: the only public copy is masked
        for (String raw : List.of(RAW_ID, RAW_PHONE)) {
            String html = page(BASE + "/search?q=" + raw, 200);
            assertThat(html, containsString("没有符合条件的公开信息"));
            assertThat(html, containsString("共 0 条"));
        }
        // the run's word finds exactly the three published items
        String found = page(BASE + "/search?q=" + enc(WORD), 200);
        assertThat(found, containsString("共 3 条"));
        for (String id : List.of(PUBLISHED, MASKED, LAST)) {
            assertThat(found, containsString("href=\"" + BASE + "/items/" + id + "\""));
        }
        String masked = page(BASE + "/items/" + MASKED, 200);
        assertThat(masked, containsString("430802**********21"));
        assertThat(masked, containsString("139****1234"));
    }

    @Test
    void hiddenItemsAndTheirAttachmentsAnswerExactlyLikeMissingOnes() throws Exception {
        load();
        String missing = page(BASE + "/items/site-" + RUN + "-never", 404);
        assertThat(missing, containsString("没有这条公开信息"));
        for (String id : HIDDEN) {
            assertEquals(missing, page(BASE + "/items/" + id, 404), id);
            given().redirects().follow(false).get(BASE + "/items/" + id + "/attachments/1").then().statusCode(404)
                    .header("Location", nullValue()).header("Cache-Control", "no-store")
                    .body(not(containsString(WITHHELD_KEY)));
        }
        given().get(BASE + "/items/" + PUBLISHED + "/attachments/2").then().statusCode(404);
        given().get(BASE + "/items/" + PUBLISHED + "/attachments/x").then().statusCode(404);
        String unknownSchool = page("/schools/nope", 404);
        assertThat(unknownSchool, containsString("没有这所学校"));
        page("/schools/nope/items/" + PUBLISHED, 404);
        page("/provinces/" + enc("火星省"), 404);
    }

    @Test
    void homeCatalogueChecklistAndItemPagesShowWhatTheyShould() throws Exception {
        load();
        String home = page(BASE, 200);
        assertThat(home, containsString("<h1>张家界航空工业职业技术学院信息公开网</h1>"));
        assertThat(home, containsString("信息公开指南"));
        assertThat(home, containsString("联系方式"));
        assertThat(home, containsString("href=\"" + BASE + "/apply\""));
        assertThat(home, containsString("href=\"" + BASE + "/catalogue\""));
        assertThat(home, containsString("aria-current=\"page\""));
        assertThat(home, containsString("<a class=\"skip\" href=\"#main\">"));
        assertThat(home, containsString("<main id=\"main\""));
        assertThat(home, containsString("href=\"/provinces/" + enc("湖南省") + "\""));
        // the latest items, newest first
        assertThat(home, containsString("href=\"" + BASE + "/items/" + PUBLISHED + "\">2026年国家" + WORD + "评审办法</a>"));
        assertThat(home.indexOf(PUBLISHED), org.hamcrest.Matchers.lessThan(home.indexOf(LAST)));

        String catalogue = page(BASE + "/catalogue", 200);
        assertThat(catalogue, containsString("一、基本信息"));
        assertThat(catalogue, containsString("十、其他"));
        assertThat(catalogue, containsString("id=\"item-50\""));
        assertThat(catalogue, containsString("href=\"" + BASE + "/items/" + PUBLISHED + "\""));
        assertThat(catalogue, containsString("常设事项，长期有效"));
        // an item that does not apply to a vocational school says so
        assertThat(catalogue, containsString("不涉及"));

        String checklist = page(BASE + "/checklist", 200);
        assertThat(checklist, containsString("<caption"));
        assertThat(checklist, containsString("href=\"" + BASE + "/search?item=37\""));

        String item = page(BASE + "/items/" + PUBLISHED, 200);
        assertThat(item, containsString("<h1 id=\"title\">2026年国家" + WORD + "评审办法</h1>"));
        assertThat(item, containsString("<dd>" + DEPT + "</dd>"));
        assertThat(item, containsString("<time datetime=\"" + TODAY.minusDays(1) + "\">"));
        assertThat(item, containsString("<p>第一条 为做好国家助学金评审工作，制定本办法。</p>"));
        assertThat(item, containsString("<p>第二条 本办法自公布之日起施行。</p>"));
        assertThat(item, containsString("37. 学生奖学金"));
        assertThat(item, containsString("href=\"" + BASE + "/items/" + PUBLISHED + "/attachments/1\">评审办法（附表）.pdf</a>"));
        showsNothingHidden("item", item);
    }

    @Test
    void anAttachmentIsAFreshShortLivedPresignedLinkToItsBytes() throws Exception {
        load();
        Response r = given().redirects().follow(false).get(BASE + "/items/" + PUBLISHED + "/attachments/1");
        r.then().statusCode(303).header("Cache-Control", "no-store");
        String location = r.getHeader("Location");
        assertThat(location, startsWith(RealServers.stack().objectStore().endpoint()));
        assertThat(location, containsString("X-Amz-Signature="));
        assertThat(location, containsString("X-Amz-Expires=300"));
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(PDF, download.body());
        // a tampered link is refused by the store
        HttpResponse<byte[]> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                location.replace(PUBLIC_KEY.substring(7), WITHHELD_KEY.substring(7)))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, forged.statusCode());
    }

    @Test
    void searchFiltersPagesAndExplainsBadInputOnThePage() throws Exception {
        load();
        String first = page(BASE + "/search?q=" + enc(WORD) + "&department=" + enc(DEPT), 200);
        assertThat(first, containsString("value=\"" + WORD + "\""));
        String byDate = page(BASE + "/search?q=" + enc(WORD) + "&from=" + TODAY.minusDays(2) + "&to=" + TODAY, 200);
        assertThat(byDate, containsString("共 2 条"));
        assertThat(byDate, not(containsString(LAST)));
        String byItem = page(BASE + "/search?department=" + enc(DEPT) + "&item=37", 200);
        assertThat(byItem, containsString("<option value=\"37\" selected>"));
        assertThat(byItem, containsString("共 3 条"));
        assertThat(page(BASE + "/search?department=" + enc(DEPT) + "&item=36", 200), containsString("共 0 条"));
        String bad = page(BASE + "/search?from=2025-13-01&item=99&q=" + enc(WORD), 400);
        assertThat(bad, containsString("role=\"alert\""));
        assertThat(bad, containsString("清单事项"));
        assertThat(bad, containsString("from"));
        assertThat(bad, containsString("value=\"" + WORD + "\""));
        assertThat(bad, not(containsString("Exception")));
    }

    @Test
    void pagesAreCacheableAndCannotBeFramedExceptTheEmbeddableCatalogue() throws Exception {
        load();
        for (String path : List.of(BASE, BASE + "/catalogue", BASE + "/checklist", BASE + "/search?q=" + enc(WORD),
                BASE + "/items/" + PUBLISHED, BASE + "/reports", "/provinces/" + enc("湖南省"))) {
            Response r = given().urlEncodingEnabled(false).get(path);
            r.then().statusCode(200).header("ETag", matchesPattern("\"[A-Za-z0-9_-]{24}\""))
                    .header("Cache-Control", "public, max-age=60")
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
            given().urlEncodingEnabled(false).header("If-None-Match", r.getHeader("ETag")).get(path).then().statusCode(304)
                    .header("ETag", equalTo(r.getHeader("ETag"))).body(equalTo(""));
        }
        given().get(BASE + "/items/" + PUBLISHED).then().header("Last-Modified", notNullValue());
        // the embeddable catalogue: framed by the school's own site (configured per school), never DENY
        given().get("/schools/zjjhk/catalogue/embed").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'self' https://www.zjjhk.edu.cn"))
                .header("X-Frame-Options", nullValue())
                .body(containsString("<base target=\"_top\">"));
        // a school without a setting: the default, its own origin only
        given().get("/schools/xykj/catalogue/embed").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("Content-Security-Policy", not(containsString("https://")));
        // errors are never cached
        given().get(BASE + "/items/site-" + RUN + "-never").then().statusCode(404).header("Cache-Control", "no-store")
                .header("ETag", nullValue());
    }

    @Test
    void theProvincePageShowsCoverageAndTheMatrix() throws Exception {
        load();
        String html = page("/provinces/" + enc("湖南省") + "?year=" + TODAY.getYear(), 200);
        assertThat(html, containsString("湖南省高校信息公开概览"));
        for (String school : List.of("湖南信息职业技术学院", "张家界航空工业职业技术学院", "株洲师范高等专科学校")) {
            assertThat(html, containsString(school));
        }
        assertThat(html, not(containsString("荆楚理工学院")));
        assertThat(html, containsString("覆盖率"));
        assertThat(html, containsString("及时率"));
        assertThat(html, containsString("<span class=\"num\">37.</span>"));
        assertThat(html, containsString("cell PUBLISHED"));
        given().urlEncodingEnabled(false).get("/provinces/" + enc("湖南省") + "?year=abc").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("year"));
    }
}
