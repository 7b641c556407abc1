package io.xxgk.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's bad-input corpus for ingest: hundreds of requests a careless or hostile client sends, generated as a
 * table of field × bad value over every endpoint. For each: no 5xx; every 4xx is application/problem+json with a
 * body that names the field (in errors[].field or the detail) in Chinese and English; and the service is still
 * ready afterwards. Imports accepted with 202 must end DONE or FAILED with a reason, never stay RUNNING.
 */
@QuarkusTest
class IngestBadInputCorpusTest {

    static final String SCHOOL = "jclg";
    static final String DEPT = "信息公开办公室";
    static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    static final Pattern LATIN = Pattern.compile("[A-Za-z]{3,}");

    /** One request; {@code field} is what a 4xx answer must name (null: any problem body will do). */
    record Case(String name, String field, Function<RequestSpecification, Response> send) {
    }

    static final List<String> CONTROL = List.of("a\u0000b", "\u0001", "标题\u001f", "\u001b[31m红色", "\ud800孤");
    /** JSON values of the wrong type for a text field (numbers and booleans are coerced to text by Jackson: allowed). */
    static final List<String> NOT_TEXT = List.of("[]", "{}", "[\"a\"]", "{\"a\":1}");

    static Map<String, Object> item() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "corpus-" + UUID.randomUUID());
        m.put("schoolCode", SCHOOL);
        m.put("department", DEPT);
        m.put("title", "荆楚理工学院信息公开指南");
        m.put("kind", "RULE");
        m.put("producedDate", "2025-03-03");
        return m;
    }

    static Map<String, Object> request() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "corpus-" + UUID.randomUUID());
        m.put("schoolCode", SCHOOL);
        m.put("type", "APPLICATION");
        m.put("receivedDate", "2025-03-10");
        return m;
    }

    static Map<String, Object> key() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolCode", SCHOOL);
        m.put("department", "宣传部");
        m.put("role", "DEPARTMENT");
        return m;
    }

    /** {@code base} as JSON with {@code field} replaced by raw JSON {@code rawValue}. */
    static String withRaw(Map<String, Object> base, String field, String rawValue) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(field, "__RAW__");
        return io.xxgk.contract.event.EventCodec.encode(m).replace("\"__RAW__\"", rawValue);
    }

    static String json(Object o) {
        return io.xxgk.contract.event.EventCodec.encode(o);
    }

    static Function<RequestSpecification, Response> postJson(String path, String auth, String body) {
        return s -> s.header("Authorization", auth).contentType(Keys.JSON).body(body).post(path);
    }

    static Function<RequestSpecification, Response> putJson(String path, String auth, String body) {
        return s -> s.header("Authorization", auth).contentType(Keys.JSON).body(body).put(path);
    }

    static Function<RequestSpecification, Response> getRaw(String rawPath, String auth) {
        return s -> s.urlEncodingEnabled(false).header("Authorization", auth).get(rawPath);
    }

    static Function<RequestSpecification, Response> upload(String path, String auth, String name, byte[] bytes) {
        return s -> AttachmentAndImportTest.utf8Multipart().header("Authorization", auth)
                .multiPart("file", name, bytes, "application/octet-stream").post(path);
    }

    /** A ZIP whose one entry inflates to {@code inflated} bytes of spaces (a zip bomb, scaled down for a test). */
    static byte[] zipBomb(String entry, int inflated) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(entry));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < inflated >> 20; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A valid small XLSX with a zip-bomb XML part added. */
    static byte[] xlsxBomb() throws Exception {
        byte[] valid = IngestEdgeTest.xlsxWithSharedStrings(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(valid));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("xl/padding.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            zip.write("<a>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 64; i++) {
                zip.write(spaces);
            }
            zip.write("</a>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] docxBomb() throws Exception {
        return zipBomb("word/document.xml", 32 << 20);
    }

    List<Case> corpus(String dept, String admin) throws Exception {
        List<Case> cases = new ArrayList<>();
        // --- POST /api/v1/items: every text field × control characters, bytes over its limit, JSON of the wrong type
        Map<String, Integer> textLimits = new LinkedHashMap<>();
        textLimits.put("id", 128);
        textLimits.put("schoolCode", 32);
        textLimits.put("department", 400);
        textLimits.put("title", 2000);
        textLimits.put("body", 2_000_000);
        textLimits.put("kind", 64);
        textLimits.put("producedDate", 32);
        textLimits.put("publishedDate", 32);
        textLimits.put("sourceUrl", 1000);
        textLimits.put("withholdReason", 64);
        for (var f : textLimits.entrySet()) {
            String field = f.getKey();
            for (String bad : CONTROL) {
                cases.add(new Case("items " + field + " control", field, postJson("/api/v1/items", dept, json(with(item(), field, bad)))));
            }
            cases.add(new Case("items " + field + " oversized", field,
                    postJson("/api/v1/items", dept, json(with(item(), field, "汉".repeat(f.getValue() / 3 + 1))))));
            for (String raw : NOT_TEXT) {
                cases.add(new Case("items " + field + " = " + raw, field, postJson("/api/v1/items", dept, withRaw(item(), field, raw))));
            }
        }
        // list, number and boolean fields
        Map<String, List<String>> typed = new LinkedHashMap<>();
        typed.put("channels", List.of("\"WEBSITE\"", "5", "{\"a\":1}", "[\"\\u0000\"]", "[\"website\\u0007\"]", "[[\"WEBSITE\"]]",
                "[\"PIGEON\"]", json(Collections.nCopies(100, "WEBSITE"))));
        typed.put("attachments", List.of("\"x\"", "7", "{}", "[null]", "[\"\\u0000\"]", "[\"" + "a".repeat(100) + "\"]",
                json(Collections.nCopies(5000, UUID.randomUUID().toString())), "[{\"id\":1}]"));
        typed.put("checklistHint", List.of("\"x\"", "1e10", "-1", "51", "[]", "{}", "99999999999999999999", "\"\\u0000\""));
        typed.put("withheld", List.of("\"yes\"", "2", "[]", "{}", "\"\\u0000\""));
        for (var t : typed.entrySet()) {
            for (String raw : t.getValue()) {
                cases.add(new Case("items " + t.getKey() + " = " + abbreviate(raw), t.getKey(),
                        postJson("/api/v1/items", dept, withRaw(item(), t.getKey(), raw))));
            }
        }
        // whole bodies that are not an item
        List<String> notAnObject = List.of("[]", "[1,2]", "42", "\"text\"", "true", "{", "{\"id\":", "{'id':'x'}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        for (String body : notAnObject) {
            cases.add(new Case("items body " + abbreviate(body), "$", postJson("/api/v1/items", dept, body)));
        }
        // a raw NUL inside a string is a JSON syntax error, at the field; trailing text after the object is ignored
        cases.add(new Case("items raw NUL in a string", "id", postJson("/api/v1/items", dept, "{\"id\":\"a\u0000b\"}")));
        cases.add(new Case("items trailing text", null, postJson("/api/v1/items", dept, "{\"id\":\"x\"}}")));
        cases.add(new Case("items invalid UTF-8", "$", s -> s.header("Authorization", dept).contentType(Keys.JSON)
                .body(new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}).post("/api/v1/items")));
        cases.add(new Case("items text/plain", "Content-Type", s -> s.header("Authorization", dept).contentType("text/plain")
                .body("title").post("/api/v1/items")));
        cases.add(new Case("items without key", null, s -> s.contentType(Keys.JSON).body(json(item())).post("/api/v1/items")));
        cases.add(new Case("items with a bad key", null, s -> s.header("Authorization", "Bearer \u0000").contentType(Keys.JSON)
                .body(json(item())).post("/api/v1/items")));
        cases.add(new Case("items empty body", "$", s -> s.header("Authorization", dept).contentType(Keys.JSON).post("/api/v1/items")));

        // --- batch
        for (String body : List.of("{}", "{\"id\":\"x\"}", "42", "\"x\"", "[42]", "[[]]", "[\"x\"]", "[{\"channels\":\"WEBSITE\"}]", "[]",
                "null", json(Collections.nCopies(1001, Map.of())), "[{\"title\":\"a\\u0000\"}]")) {
            cases.add(new Case("batch " + abbreviate(body), null, postJson("/api/v1/items/batch", dept, body)));
        }

        // --- PUT, withdrawal, GET by id: path ids and bodies
        String existing = "corpus-existing-" + UUID.randomUUID();
        given().header("Authorization", dept).contentType(Keys.JSON).body(json(with(item(), "id", existing))).post("/api/v1/items")
                .then().statusCode(202);
        for (String rawId : List.of("a%00b", "x".repeat(300), "%E4%B8", "%0A", "-leading", "a%1Fb")) {
            cases.add(new Case("GET item " + abbreviate(rawId), "id", getRaw("/api/v1/items/" + rawId, dept)));
            cases.add(new Case("GET history " + abbreviate(rawId), "id", getRaw("/api/v1/items/" + rawId + "/history", dept)));
            cases.add(new Case("withdraw " + abbreviate(rawId), "id", s -> s.urlEncodingEnabled(false).header("Authorization", dept)
                    .contentType(Keys.JSON).body("{\"reason\":\"错误\"}").post("/api/v1/items/" + rawId + "/withdrawal")));
            cases.add(new Case("PUT " + abbreviate(rawId), "id", s -> s.urlEncodingEnabled(false).header("Authorization", dept)
                    .contentType(Keys.JSON).body(json(item())).put("/api/v1/items/" + rawId)));
        }
        cases.add(new Case("GET item schoolCode NUL", "schoolCode", getRaw("/api/v1/items/" + existing + "?schoolCode=%00", dept)));
        cases.add(new Case("GET item schoolCode long", "schoolCode", getRaw("/api/v1/items/" + existing + "?schoolCode=" + "z".repeat(100), dept)));
        for (String field : List.of("title", "body", "department", "channels", "withheld")) {
            String raw = field.equals("channels") ? "\"WEBSITE\"" : field.equals("withheld") ? "\"yes\"" : "\"a\\u0000\"";
            cases.add(new Case("PUT " + field, field, putJson("/api/v1/items/" + existing, dept, withRaw(with(item(), "id", existing), field, raw))));
        }
        for (String body : List.of("[]", "42", "{\"reason\":[]}", "{\"reason\":{}}", "{\"reason\":\"a\\u0000\"}",
                json(Map.of("reason", "理由".repeat(1000))), "{\"reason\":\"  \"}", "{")) {
            cases.add(new Case("withdrawal " + abbreviate(body), body.startsWith("[") || body.equals("42") || body.equals("{") ? "$" : "reason",
                    postJson("/api/v1/items/" + existing + "/withdrawal", dept, body)));
        }

        // --- attachments
        cases.add(new Case("attachment without file part", "file", s -> s.header("Authorization", dept).multiPart("note", "x")
                .post("/api/v1/attachments")));
        cases.add(new Case("attachment as JSON", "Content-Type", postJson("/api/v1/attachments", dept, "{}")));
        cases.add(new Case("attachment empty", "file", upload("/api/v1/attachments", dept, "empty.pdf", new byte[0])));
        cases.add(new Case("attachment 5000-char name", "fileName", upload("/api/v1/attachments", dept, "名".repeat(5000) + ".pdf",
                AttachmentAndImportTest.pdf(UUID.randomUUID().toString()))));
        cases.add(new Case("attachment text file", "file", upload("/api/v1/attachments", dept, "a.txt", "纯文本".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case("attachment truncated PDF", null, upload("/api/v1/attachments", dept, "t.pdf", "%PDF-1.4\n%".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case("attachment zip bomb", null, upload("/api/v1/attachments", dept, "bomb.zip", zipBomb("a.bin", 64 << 20))));
        cases.add(new Case("attachment docx bomb", null, upload("/api/v1/attachments", dept, "bomb.docx", docxBomb())));
        cases.add(new Case("attachment truncated zip", null, upload("/api/v1/attachments", dept, "cut.zip",
                java.util.Arrays.copyOf(zipBomb("a.bin", 1 << 20), 30))));
        for (String rawId : List.of("not-a-uuid", "%00", "x".repeat(500), "00000000-0000-0000-0000-000000000000")) {
            cases.add(new Case("GET attachment " + abbreviate(rawId), null, getRaw("/api/v1/attachments/" + rawId, dept)));
        }

        // --- imports
        byte[] validXlsx = IngestEdgeTest.xlsxWithSharedStrings(2);
        cases.add(new Case("import without file part", "file", s -> s.header("Authorization", dept).multiPart("note", "x").post("/api/v1/imports")));
        cases.add(new Case("import as JSON", "Content-Type", postJson("/api/v1/imports", dept, "{}")));
        cases.add(new Case("import 5000-char name", "fileName", upload("/api/v1/imports", dept, "表".repeat(5000) + ".csv",
                "标题\n一\n".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case("import PNG", "file", upload("/api/v1/imports", dept, "a.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})));
        cases.add(new Case("import DOCX bomb", "file", upload("/api/v1/imports", dept, "a.docx", docxBomb())));
        cases.add(new Case("import truncated XLSX", "file", upload("/api/v1/imports", dept, "cut.xlsx",
                java.util.Arrays.copyOf(validXlsx, validXlsx.length / 2))));
        cases.add(new Case("import XLSX bomb", null, upload("/api/v1/imports", dept, "bomb.xlsx", xlsxBomb())));
        cases.add(new Case("import XLSX 600k shared strings", null, upload("/api/v1/imports", dept, "sst.xlsx",
                IngestEdgeTest.xlsxWithSharedStrings(600_000))));
        cases.add(new Case("import CSV with NUL and control characters", null, upload("/api/v1/imports", dept, "c.csv",
                "标题,正文\n标\u0000题,正文\n标题二,正\u0007文\n".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case("import CSV of random bytes", null, upload("/api/v1/imports", dept, "r.csv", randomBytes(4096))));
        for (String q : List.of("offset=abc", "limit=-1", "limit=99999999999", "offset=%00", "onlyRejected=maybe")) {
            cases.add(new Case("GET import " + q, q.substring(0, q.indexOf('=')),
                    getRaw("/api/v1/imports/00000000-0000-0000-0000-000000000000?" + q, dept)));
        }
        for (String rawId : List.of("not-a-uuid", "%00", "00000000-0000-0000-0000-000000000000")) {
            cases.add(new Case("GET import " + abbreviate(rawId), null, getRaw("/api/v1/imports/" + rawId, dept)));
            cases.add(new Case("resume import " + abbreviate(rawId), null, s -> s.urlEncodingEnabled(false).header("Authorization", dept)
                    .post("/api/v1/imports/" + rawId + "/resume")));
        }

        // --- requests: every field
        Map<String, Integer> requestLimits = new LinkedHashMap<>();
        requestLimits.put("id", 128);
        requestLimits.put("schoolCode", 32);
        requestLimits.put("type", 64);
        requestLimits.put("receivedDate", 32);
        requestLimits.put("applicantType", 64);
        requestLimits.put("subject", 8000);
        requestLimits.put("answerType", 64);
        requestLimits.put("answeredDate", 32);
        requestLimits.put("outcome", 64);
        for (var f : requestLimits.entrySet()) {
            String field = f.getKey();
            for (String bad : CONTROL.subList(0, 3)) {
                cases.add(new Case("requests " + field + " control", field, postJson("/api/v1/requests", dept, json(with(request(), field, bad)))));
            }
            cases.add(new Case("requests " + field + " oversized", field,
                    postJson("/api/v1/requests", dept, json(with(request(), field, "汉".repeat(f.getValue() / 3 + 1))))));
            for (String raw : List.of("[]", "{}")) {
                cases.add(new Case("requests " + field + " = " + raw, field, postJson("/api/v1/requests", dept, withRaw(request(), field, raw))));
            }
        }
        for (String raw : List.of("\"abc\"", "-1", "1e400", "1.234", "[]", "{}", "1e999999999", "\"\\u0000\"")) {
            cases.add(new Case("requests feeYuan = " + raw, "feeYuan", postJson("/api/v1/requests", dept, withRaw(request(), "feeYuan", raw))));
        }
        for (String raw : List.of("\"appeal\"", "\"\"", "\" \"")) {
            cases.add(new Case("requests type = " + raw, "type", postJson("/api/v1/requests", dept, withRaw(request(), "type", raw))));
            cases.add(new Case("requests answeredDate = " + raw, "answeredDate",
                    postJson("/api/v1/requests", dept, withRaw(request(), "answeredDate", raw))));
        }
        for (String body : List.of("[]", "42", "{", "null")) {
            cases.add(new Case("requests body " + body, "$", postJson("/api/v1/requests", dept, body)));
        }

        // --- admin api-keys
        for (String field : List.of("schoolCode", "department", "role", "label")) {
            for (String bad : CONTROL.subList(0, 2)) {
                cases.add(new Case("api-keys " + field + " control", field, postJson("/api/v1/admin/api-keys", admin, json(with(key(), field, bad)))));
            }
            cases.add(new Case("api-keys " + field + " oversized", field,
                    postJson("/api/v1/admin/api-keys", admin, json(with(key(), field, "汉".repeat(300))))));
            cases.add(new Case("api-keys " + field + " = []", field, postJson("/api/v1/admin/api-keys", admin, withRaw(key(), field, "[]"))));
        }
        for (String raw : List.of("\"yesterday\"", "[]", "{}", "\"2000-01-01T00:00:00Z\"")) {
            cases.add(new Case("api-keys expiresAt = " + raw, "expiresAt", postJson("/api/v1/admin/api-keys", admin, withRaw(key(), "expiresAt", raw))));
        }
        for (String body : List.of("[]", "42", "{")) {
            cases.add(new Case("api-keys body " + body, "$", postJson("/api/v1/admin/api-keys", admin, body)));
        }
        cases.add(new Case("api-keys by a department", null, postJson("/api/v1/admin/api-keys", dept, json(key()))));
        cases.add(new Case("api-keys list schoolCode NUL", "schoolCode", getRaw("/api/v1/admin/api-keys?schoolCode=%00", admin)));
        for (String rawId : List.of("not-a-uuid", "%00", "00000000-0000-0000-0000-000000000000")) {
            cases.add(new Case("revoke " + abbreviate(rawId), null, s -> s.urlEncodingEnabled(false).header("Authorization", admin)
                    .delete("/api/v1/admin/api-keys/" + rawId)));
        }
        return cases;
    }

    static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(field, value);
        if (field.equals("withholdReason")) {
            m.put("withheld", true);
        }
        return m;
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(16).nextBytes(b);
        return b;
    }

    static String abbreviate(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…(" + s.length() + ")" : t;
    }

    @Test
    void noBadInputGetsA5xxOrAnEmptyOrUnnamedError() throws Exception {
        String dept = Keys.bearer(SCHOOL, DEPT);
        String admin = "Bearer " + Keys.ADMIN;
        List<Case> cases = corpus(dept, admin);
        assertTrue(cases.size() >= 120, "corpus has " + cases.size() + " requests");

        List<String> failures = new ArrayList<>();
        List<String> importJobs = new ArrayList<>();
        for (Case c : cases) {
            Response r = c.send().apply(given());
            int status = r.statusCode();
            String body = r.asString();
            String problem = check(c, status, r.contentType(), body);
            if (problem != null) {
                failures.add(c.name() + " → " + status + " " + abbreviate(body) + ": " + problem);
            }
            if (status == 202 && body.contains("/api/v1/imports/")) {
                importJobs.add(JsonPath.from(body).getString("statusUrl"));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " requests were answered badly");

        // accepted imports of hostile files end, with a reason, and the service stays ready
        for (String url : importJobs) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                String s = given().header("Authorization", dept).get(url).then().extract().path("status");
                return "DONE".equals(s) || "FAILED".equals(s);
            });
            JsonPath job = given().header("Authorization", dept).get(url).then().extract().jsonPath();
            if ("FAILED".equals(job.getString("status"))) {
                String error = job.getString("error");
                assertTrue(error != null && CJK.matcher(error).find() && LATIN.matcher(error).find(), url + ": " + error);
            }
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    static String check(Case c, int status, String contentType, String body) {
        if (status >= 500) {
            return "a 5xx for bad input";
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "content type " + contentType;
        }
        if (body == null || body.isBlank()) {
            return "empty body";
        }
        if (!CJK.matcher(body).find() || !LATIN.matcher(body).find()) {
            return "not in Chinese and English";
        }
        JsonPath json = JsonPath.from(body);
        if (json.getInt("status") != status) {
            return "status in the body differs";
        }
        if (c.field() != null) {
            List<String> fields = json.getList("errors.field");
            String detail = json.getString("detail");
            boolean named = (fields != null && fields.stream().anyMatch(f -> f != null && f.contains(c.field())))
                    || (detail != null && detail.contains(c.field()));
            if (!named && !(status == 401 || status == 403 || status == 404 || status == 409)) {
                return "does not name " + c.field();
            }
        }
        return null;
    }
}
