package io.xxgk.ingest;

import io.xxgk.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemSubmitted;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attachments into the real S3 server, and bulk imports of CSV and XLSX registers. */
@QuarkusTest
class AttachmentAndImportTest {

    static final String DEPT = "采购与招标管理处";

    /** Multipart file names in UTF-8, as browsers and curl send them. */
    static RequestSpecification utf8Multipart() {
        return given().config(RestAssured.config()
                .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8))
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)));
    }

    static byte[] pdf(String marker) {
        return ("%PDF-1.4\n% " + marker + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pdfIsStoredOnceByHashWithAWorkingPresignedLinkAndTheEventCarriesOnlyAReference() throws Exception {
        String auth = Keys.bearer("xykj", DEPT);
        byte[] bytes = pdf(UUID.randomUUID().toString());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        String id = utf8Multipart().header("Authorization", auth).multiPart("file", "招标文件.pdf", bytes, "application/octet-stream")
                .post("/api/v1/attachments").then().statusCode(201)
                .body("contentType", equalTo("application/pdf")).body("sha256", equalTo(sha))
                .body("fileName", equalTo("招标文件.pdf")).body("deduplicated", equalTo(false))
                .extract().path("id");
        String url = given().header("Authorization", auth).multiPart("file", "副本.pdf", bytes, "application/pdf")
                .post("/api/v1/attachments").then().statusCode(201).body("deduplicated", equalTo(true))
                .extract().path("downloadUrl");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(bytes, download.body());

        String itemId = "att-" + UUID.randomUUID();
        given().header("Authorization", auth).contentType(Keys.JSON)
                .body(Map.of("id", itemId, "schoolCode", "xykj", "department", DEPT, "title", "2025年水电耗材采购招标公告",
                        "kind", "PROCUREMENT_NOTICE", "producedDate", "2025-04-01", "attachments", List.of(id)))
                .post("/api/v1/items").then().statusCode(202);
        ItemSubmitted event = TopicProbe.readUntil(Topics.ITEMS_SUBMITTED,
                        seen -> seen.stream().anyMatch(r -> r.value().contains(itemId)), Duration.ofSeconds(30))
                .stream().filter(r -> r.value().contains(itemId)).map(r -> EventCodec.decode(r.value(), ItemSubmitted.class))
                .findFirst().orElseThrow();
        assertEquals(1, event.attachments().size());
        assertEquals("sha256/" + sha, event.attachments().get(0).objectKey());
        assertEquals(bytes.length, event.attachments().get(0).size());
    }

    @Test
    void unsupportedTypesAndUnknownAttachmentsAreProblems() {
        String auth = Keys.bearer("xykj", DEPT);
        given().header("Authorization", auth).multiPart("file", "fake.pdf", "just text".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/api/v1/attachments").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", hasItem("file"));
        given().header("Authorization", auth).contentType(Keys.JSON)
                .body(Map.of("id", "att-bad", "schoolCode", "xykj", "department", DEPT, "title", "附件不存在",
                        "attachments", List.of(UUID.randomUUID().toString())))
                .post("/api/v1/items").then().statusCode(400).body("errors.field", hasItem("attachments[0]"));
    }

    @Test
    void csvRegisterInGbkWithChineseHeadersIsImportedRowByRow() {
        String auth = Keys.bearer("xykj", DEPT);
        String p = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "编号,标题,信息生成日期,类别,公开渠道,清单事项\n"
                + p + "-1,2025年实训室设备采购项目招标公告,2025年3月5日,采购招标公告,学校网站、微信公众号,18\n"
                + p + "-2,学生公寓家具采购项目中标结果公告,2025/04/10,中标结果,学校网站,18\n"
                + p + "-3,日期写错的公告,2025-13-40,采购招标公告,学校网站,\n";
        String jobUrl = given().header("Authorization", auth)
                .multiPart("file", "登记表.csv", csv.getBytes(Charset.forName("GB18030")), "text/csv")
                .post("/api/v1/imports").then().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().path("statusUrl");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", auth).get(jobUrl).then().body("status", equalTo("DONE")));
        given().header("Authorization", auth).get(jobUrl).then()
                .body("processed", equalTo(3)).body("accepted", equalTo(2)).body("rejected", equalTo(1)).body("totalRows", equalTo(3))
                .body("rows[0].row", equalTo(2)).body("rows[0].status", equalTo(202))
                .body("rows[2].row", equalTo(4)).body("rows[2].status", equalTo(400))
                .body("rows[2].problem.errors.field", hasItem("producedDate"));
        given().header("Authorization", auth).get("/api/v1/items/" + p + "-1").then().statusCode(200)
                .body("title", equalTo("2025年实训室设备采购项目招标公告"));
    }

    @Test
    void xlsxRegisterWithExcelDatesIsImported() throws Exception {
        String auth = Keys.bearer("xykj", DEPT);
        String p = "xlsx-" + UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "xxgk", "1.0")) {
            Worksheet ws = wb.newWorksheet("登记表");
            String[] headers = {"编号", "标题", "信息生成日期", "类别"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            for (int r = 1; r <= 3; r++) {
                ws.value(r, 0, p + "-" + r);
                ws.value(r, 1, "2025年第" + r + "批实验耗材采购公告");
                ws.value(r, 2, LocalDate.of(2025, 5, r));
                ws.style(r, 2).format("yyyy-mm-dd").set();
                ws.value(r, 3, "PROCUREMENT_NOTICE");
            }
        }
        String jobUrl = given().header("Authorization", auth)
                .multiPart("file", "登记表.xlsx", out.toByteArray(), "application/octet-stream")
                .post("/api/v1/imports").then().statusCode(202).extract().path("statusUrl");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", auth).get(jobUrl).then().body("status", equalTo("DONE")));
        given().header("Authorization", auth).get(jobUrl).then().body("accepted", equalTo(3)).body("rejected", equalTo(0));
        given().header("Authorization", auth).get("/api/v1/items/" + p + "-2").then().statusCode(200)
                .body("title", equalTo("2025年第2批实验耗材采购公告"));
    }

    @Test
    void aFileThatIsNotARegisterIsRefused() {
        given().header("Authorization", Keys.bearer("xykj", DEPT))
                .multiPart("file", "scan.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}, "image/png")
                .post("/api/v1/imports").then().statusCode(415).contentType(containsString("problem+json"));
    }
}
