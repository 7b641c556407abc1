package io.xxgk.classify;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A careless (or hostile) client against every classify endpoint: wrong types, NUL and control characters, oversized
 * bodies, malformed JSON, arrays and numbers as body, bad ids, bad auth. No 5xx; every 4xx is problem+json naming
 * the field in Chinese and English; the service answers normally afterwards.
 */
@QuarkusTest
class ClassifyBadInputCorpusTest {

    record Probe(String name, Supplier<Response> send) {
    }

    static final String[] BAD_BODIES = {
            "", " ", "null", "[]", "[{\"title\":\"x\"}]", "5", "-1.5e308", "true", "\"title\"", "{", "}", "{\"title\":",
            "{\"title\":\"x\",}", "{'title':'x'}", "{\"title\":\"x\"} trailing", "{\"title\":\"x\",\"title\":\"y\"}",
            "\u0000", "{\"title\":\"\u0000\"}", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" + "[".repeat(3_000),
    };

    /** Odd but harmless: accepted or refused, never a 5xx. */
    static final String[] ODD_BODIES = {"\ufeff{\"title\":\"x\"}", "{\"title\":\"\\ud800\"}", "{\"title\":\"x\",\"unknown\":[1,{}]}"};

    static final Map<String, String> BAD_DRY_RUN_FIELDS = Map.ofEntries(
            Map.entry("title", "{\"title\":5}"), Map.entry("title ", "{\"title\":[\"x\"]}"), Map.entry("title  ", "{\"title\":{}}"),
            Map.entry("title   ", "{\"title\":true}"), Map.entry("title    ", "{\"title\":\"   \"}"),
            Map.entry("title     ", "{\"title\":\"a\\u0000b\"}"), Map.entry("title      ", "{\"title\":\"a\\u0007b\"}"),
            Map.entry("title       ", "{\"body\":\"x\"}"), Map.entry("body", "{\"title\":\"x\",\"body\":7}"),
            Map.entry("body ", "{\"title\":\"x\",\"body\":\"\\u0000\"}"), Map.entry("department", "{\"title\":\"x\",\"department\":[]}"),
            Map.entry("department ", "{\"title\":\"x\",\"department\":\"\\u001b[31m\"}"), Map.entry("kind", "{\"title\":\"x\",\"kind\":\"nope\"}"),
            Map.entry("kind ", "{\"title\":\"x\",\"kind\":1}"), Map.entry("hint", "{\"title\":\"x\",\"hint\":\"18\"}"),
            Map.entry("hint ", "{\"title\":\"x\",\"hint\":18.5}"), Map.entry("hint  ", "{\"title\":\"x\",\"hint\":0}"),
            Map.entry("hint   ", "{\"title\":\"x\",\"hint\":51}"), Map.entry("hint    ", "{\"title\":\"x\",\"hint\":99999999999999999999}"),
            Map.entry("hint     ", "{\"title\":\"x\",\"hint\":[18]}"));

    static final Map<String, String> BAD_DECISIONS = Map.ofEntries(
            Map.entry("action", "{}"), Map.entry("action ", "{\"action\":\"confirmx\"}"), Map.entry("action  ", "{\"action\":5}"),
            Map.entry("action   ", "{\"action\":[\"CONFIRM\"]}"), Map.entry("action    ", "{\"action\":\"CON\\u0000FIRM\"}"),
            Map.entry("checklistItem", "{\"action\":\"CORRECT\",\"checklistItem\":\"37\"}"),
            Map.entry("checklistItem ", "{\"action\":\"CORRECT\",\"checklistItem\":51}"),
            Map.entry("checklistItem  ", "{\"action\":\"CORRECT\",\"checklistItem\":-1}"),
            Map.entry("checklistItem   ", "{\"action\":\"CORRECT\",\"checklistItem\":3.7}"),
            Map.entry("note", "{\"action\":\"REJECT\",\"note\":5}"), Map.entry("note ", "{\"action\":\"REJECT\",\"note\":\"a\\u0000b\"}"),
            Map.entry("note  ", "{\"action\":\"REJECT\",\"note\":\"" + "长".repeat(1_001) + "\"}"));

    static RequestSpecification operator() {
        return given().auth().preemptive().basic("reviewer", "reviewer-pass");
    }

    static RequestSpecification json(RequestSpecification r, String body) {
        return r.contentType("application/json; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8));
    }

    static List<Probe> corpus() {
        List<Probe> probes = new ArrayList<>();
        for (String body : BAD_BODIES) {
            probes.add(new Probe("dry run body " + abbreviate(body), () -> json(given(), body).post("/api/v1/classify")));
            probes.add(new Probe("decision body " + abbreviate(body),
                    () -> json(operator(), body).post("/api/v1/review/zzsz/no-such-item/1")));
        }
        BAD_DRY_RUN_FIELDS.forEach((field, body) -> probes.add(new Probe("dry run " + field.strip() + " " + body,
                () -> json(given(), body).post("/api/v1/classify"))));
        BAD_DECISIONS.forEach((field, body) -> probes.add(new Probe("decision " + field.strip() + " " + abbreviate(body),
                () -> json(operator(), body).post("/api/v1/review/zzsz/no-such-item/1"))));
        String big = "{\"title\":\"" + "标".repeat(40_000) + "\"}";
        probes.add(new Probe("dry run 120 KB body", () -> json(given(), big).post("/api/v1/classify")));
        probes.add(new Probe("decision 120 KB body", () -> json(operator(), big).post("/api/v1/review/zzsz/x/1")));
        probes.add(new Probe("dry run text/plain", () -> given().contentType("text/plain").body("title").post("/api/v1/classify")));
        probes.add(new Probe("dry run xml", () -> given().contentType("application/xml").body("<a/>").post("/api/v1/classify")));
        probes.add(new Probe("dry run GET", () -> given().get("/api/v1/classify")));
        probes.add(new Probe("dry run PUT", () -> json(given(), "{\"title\":\"x\"}").put("/api/v1/classify")));
        probes.add(new Probe("dry run Accept xml", () -> json(given(), "{\"title\":\"x\"}").accept("application/xml").post("/api/v1/classify")));
        for (String[] path : new String[][] {
                {"revision", "/api/v1/review/zzsz/item/abc"}, {"revision", "/api/v1/review/zzsz/item/0"},
                {"revision", "/api/v1/review/zzsz/item/-3"}, {"revision", "/api/v1/review/zzsz/item/99999999999"},
                {"revision", "/api/v1/review/zzsz/item/1.5"}, {"itemId", "/api/v1/review/zzsz/%00/1"},
                {"itemId", "/api/v1/review/zzsz/" + "x".repeat(129) + "/1"}, {"itemId", "/api/v1/review/zzsz/a%20b/1"},
                {"itemId", "/api/v1/review/zzsz/%E5%90%8D/1"}, {"schoolCode", "/api/v1/review/%00/item/1"},
                {"schoolCode", "/api/v1/review/" + "s".repeat(33) + "/item/1"}, {"schoolCode", "/api/v1/review/a'b/item/1"},
                {"itemId", "/api/v1/review/zzsz/never-held/1"}}) {
            probes.add(new Probe("decision path " + path[1], () -> json(operator(), "{\"action\":\"CONFIRM\"}").urlEncodingEnabled(false)
                    .post(path[1])));
        }
        for (String q : new String[] {"limit=abc", "limit=0", "limit=-1", "limit=1001", "limit=1e3", "limit=%00", "limit=99999999999",
                "schoolCode=%00", "schoolCode=" + "s".repeat(40), "schoolCode=a%27%3B--"}) {
            probes.add(new Probe("queue ?" + q, () -> operator().urlEncodingEnabled(false).get("/api/v1/review?" + q)));
        }
        for (String q : new String[] {"limit=abc", "limit=0", "limit=%00", "limit=1001"}) {
            probes.add(new Probe("corrections ?" + q, () -> operator().urlEncodingEnabled(false).get("/api/v1/review/corrections?" + q)));
        }
        String[][] protectedCalls = {{"GET", "/api/v1/review"}, {"GET", "/api/v1/review/corrections"}, {"POST", "/api/v1/review/retrain"},
                {"POST", "/api/v1/review/zzsz/item/1"}};
        for (String[] call : protectedCalls) {
            probes.add(new Probe("no auth " + call[1], () -> json(given(), "{\"action\":\"CONFIRM\"}").request(call[0], call[1])));
            probes.add(new Probe("wrong password " + call[1], () -> json(given().auth().preemptive().basic("reviewer", "wrong"),
                    "{\"action\":\"CONFIRM\"}").request(call[0], call[1])));
            probes.add(new Probe("unknown user " + call[1], () -> json(given().auth().preemptive().basic("nobody\u0000", "x"),
                    "{\"action\":\"CONFIRM\"}").request(call[0], call[1])));
            probes.add(new Probe("garbage auth " + call[1], () -> json(given().header("Authorization", "Basic %%%not-base64"),
                    "{\"action\":\"CONFIRM\"}").request(call[0], call[1])));
        }
        probes.add(new Probe("decision text/plain", () -> operator().contentType("text/plain").body("CONFIRM").post("/api/v1/review/zzsz/i/1")));
        probes.add(new Probe("review unknown path", () -> operator().get("/api/v1/review/zzsz")));
        probes.add(new Probe("review DELETE", () -> operator().delete("/api/v1/review/zzsz/i/1")));
        return probes;
    }

    @Test
    void noBadInputGetsA5xxAndEvery4xxIsABilingualProblemNamingTheField() {
        List<Probe> probes = corpus();
        assertTrue(probes.size() >= 80, "at least 80 requests, got " + probes.size());
        List<Runnable> checks = new ArrayList<>();
        int[] fourHundreds = {0};
        for (Probe p : probes) {
            Response r = p.send().get();
            int status = r.statusCode();
            String body = r.asString();
            checks.add(() -> assertTrue(status < 500, p.name() + " → " + status + " " + body));
            checks.add(() -> assertTrue(status >= 400, p.name() + " was accepted: " + status + " " + body));
            if (status >= 400 && status < 500) {
                fourHundreds[0]++;
                checks.add(() -> {
                    assertTrue(String.valueOf(r.contentType()).startsWith("application/problem+json"), p.name() + " → " + r.contentType());
                    assertEquals(status, r.jsonPath().getInt("status"), p.name());
                    String field = r.jsonPath().getString("errors[0].field");
                    assertNotNull(field, p.name() + " names no field: " + body);
                    assertFalse(field.isBlank(), p.name());
                    String zh = r.jsonPath().getString("errors[0].messageZh");
                    String en = r.jsonPath().getString("errors[0].message");
                    assertTrue(zh != null && zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                            p.name() + " has no Chinese message: " + body);
                    assertTrue(en != null && en.chars().anyMatch(c -> c >= 'a' && c <= 'z'), p.name() + " has no English message: " + body);
                    assertTrue(r.jsonPath().getString("title").contains("/"), p.name() + " title in both languages: " + body);
                });
            }
        }
        assertAll(checks.stream().map(c -> (org.junit.jupiter.api.function.Executable) c::run));
        assertEquals(probes.size(), fourHundreds[0]);
        for (String odd : ODD_BODIES) {
            assertTrue(json(given(), odd).post("/api/v1/classify").statusCode() < 500, odd);
            assertTrue(json(operator(), odd.replace("title", "action")).post("/api/v1/review/zzsz/i/1").statusCode() < 500, odd);
        }
        assertHealthy();
    }

    @Test
    void theFieldIsNamedPrecisely() {
        json(given(), "{\"title\":\"x\",\"hint\":\"18\"}").post("/api/v1/classify").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("hint"));
        json(given(), "[]").post("/api/v1/classify").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("$"));
        json(operator(), "{\"action\":\"REJECT\",\"note\":\"a\\u0000\"}").post("/api/v1/review/zzsz/i/1").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("note"));
        operator().get("/api/v1/review?limit=abc").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        json(given(), "{\"title\":\"" + "标".repeat(40_000) + "\"}").post("/api/v1/classify").then().statusCode(413)
                .contentType("application/problem+json");
        given().get("/api/v1/review").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Authorization"));
    }

    @Test
    void theDryRunIsRateLimitedPerClientAddress() throws Exception {
        // from a loopback address of its own, so that the other tests' bucket (127.0.0.1) is not drained
        URI base = URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
        InetAddress client = InetAddress.getByName("127.0.0.23");
        String last = null;
        int ok = 0;
        for (int i = 0; i < 400 && last == null; i++) {
            String response = rawPost(base, client, "{\"title\":\"2025年部门预算公开\"}");
            if (response.startsWith("HTTP/1.1 429")) {
                last = response;
            } else {
                assertTrue(response.startsWith("HTTP/1.1 200"), response);
                ok++;
            }
        }
        assertNotNull(last, "never limited after " + ok + " requests");
        assertTrue(ok >= 30, "the burst is allowed: " + ok);
        String lower = last.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("retry-after: "), last);
        assertTrue(lower.contains("content-type: application/problem+json"), last);
        assertTrue(last.contains("\"field\":\"client\""), last);
        // 127.0.0.1 still has its own tokens
        json(given(), "{\"title\":\"2025年部门预算公开\"}").post("/api/v1/classify").then().statusCode(200);
    }

    static String rawPost(URI base, InetAddress from, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket(InetAddress.getByName(base.getHost()), base.getPort(), from, 0)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertHealthy() {
        given().get("/q/health/live").then().statusCode(200);
        json(given(), "{\"title\":\"2025年部门预算公开\"}").post("/api/v1/classify").then().statusCode(200)
                .body("checklistItem", org.hamcrest.Matchers.equalTo(19));
        operator().get("/api/v1/review?limit=1").then().statusCode(200);
    }

    static String abbreviate(String s) {
        String t = s.replace("\u0000", "\\0");
        return t.length() > 40 ? t.substring(0, 40) + "…(" + s.length() + ")" : t;
    }
}
