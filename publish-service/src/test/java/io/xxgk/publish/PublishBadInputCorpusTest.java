package io.xxgk.publish;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input on every public endpoint of publish-service, generated from a table of parameter x bad value: no answer
 * is a 5xx, every 4xx is problem+json naming the parameter in Chinese and English, values that cannot be right are
 * refused, and the service is ready afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class PublishBadInputCorpusTest {

    static final String S = "/api/v1/schools/jclg";
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final Pattern LATIN = Pattern.compile("[A-Za-z]{3}");

    /** One request; {@code mustFail}: the value can never be right, so the answer must be a 4xx. */
    record Case(String label, String method, String url, Map<String, String> headers, Set<String> fields, boolean mustFail) {
    }

    /** Values wrong for any parameter: NUL and control characters, oversized in characters and in bytes. */
    static final List<String> ALWAYS_BAD = List.of("\u0000", "a\u0000b", "%00-literal\u0000", "x\u0001y", "\u001b[31m",
            "\u007f", "x".repeat(2_000), "招".repeat(400));

    /** Values a parameter might accept or refuse, but never with a 5xx. */
    static final List<String> ODD = List.of("", " ", "%", "_", "\\", "' or 1=1 --", "../../etc/passwd", "<script>",
            "null", "[]", "{}", "NaN", "１２");

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static final Map<String, List<String>> SPECIFIC_BAD = new LinkedHashMap<>();

    static {
        List<String> years = List.of("abc", "99999", "-1", "0", "1999", "2101", "2022.5", "0x7E6", "9".repeat(30), "2e3");
        SPECIFIC_BAD.put("year", years);
        SPECIFIC_BAD.put("entriesPerItem", List.of("0", "201", "-5", "abc", "1e2", "99999999999", "1.5"));
        SPECIFIC_BAD.put("period", List.of("weekly", "SCHOOL YEAR", "school-year-2"));
        SPECIFIC_BAD.put("format", List.of("pdf", "../x", "docx;", "HTML5"));
        SPECIFIC_BAD.put("province", List.of("火星省", "湖南"));
        SPECIFIC_BAD.put("category", List.of("0", "11", "-1", "abc", "99999999999", "1.0"));
        SPECIFIC_BAD.put("checklistItem", List.of("0", "51", "abc", "-3", "2147483648"));
        SPECIFIC_BAD.put("department", List.of("部".repeat(301)));
        SPECIFIC_BAD.put("kind", List.of("SOMETHING", "PROCUREMENT-NOTICE", "采购"));
        List<String> dates = List.of("2025-13-45", "2025-02-30", "99999-01-01", "+99999-01-01", "0001-01-01", "2025/01/01",
                "20250101", "yesterday", "2025-1-1");
        SPECIFIC_BAD.put("from", dates);
        SPECIFIC_BAD.put("to", dates);
        SPECIFIC_BAD.put("q", List.of("x".repeat(101), "招".repeat(101), "a b c d e f g h i j k", "𠀀".repeat(60)));
        SPECIFIC_BAD.put("limit", List.of("0", "-1", "101", "abc", "99999999999", "1.5"));
        SPECIFIC_BAD.put("cursor", List.of("!!!not-base64!!!", b64("v1|2025-13-45|x"), b64("v1|+999999999-12-31|x"),
                b64("v1|-999999999-01-01|x"), b64("v1|2025-01-01|a\u0000b"), b64("v2|2025-01-01|x"),
                b64("v1|2025-01-01|" + "x".repeat(200)), b64("v1|2025-01-01|"), b64("garbage"), "x".repeat(500),
                b64("v1|2025-01-01|abc").substring(1), b64("v1|2025-01-01|abc") + "==="));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String url(String path, Map<String, String> params) {
        if (params.isEmpty()) {
            return path;
        }
        return path + "?" + params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static void queryCases(List<Case> cases, String label, String path, Map<String, String> base, String param,
                           Map<String, String> headers) {
        List<String> bad = new ArrayList<>(ALWAYS_BAD);
        bad.addAll(SPECIFIC_BAD.getOrDefault(param, List.of()));
        for (String v : bad) {
            Map<String, String> p = new LinkedHashMap<>(base);
            p.put(param, v);
            cases.add(new Case(label + " " + param + "=" + shown(v), "GET", url(path, p), headers, Set.of(param), true));
        }
        for (String v : ODD) {
            Map<String, String> p = new LinkedHashMap<>(base);
            p.put(param, v);
            cases.add(new Case(label + " " + param + "=" + shown(v), "GET", url(path, p), headers, Set.of(param), false));
        }
    }

    static String shown(String v) {
        String s = v.length() > 24 ? v.substring(0, 24) + "…(" + v.length() + ")" : v;
        return s.chars().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> none = Map.of();
        Map<String, String> docx = Map.of("Accept", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        for (String p : List.of("year", "entriesPerItem")) {
            queryCases(cases, "catalogue", S + "/catalogue", Map.of(), p, none);
        }
        for (String p : List.of("category", "checklistItem", "department", "kind", "from", "to", "q", "limit", "cursor")) {
            queryCases(cases, "items", S + "/items", Map.of(), p, none);
        }
        queryCases(cases, "items(q set)", S + "/items", Map.of("q", "招标"), "cursor", none);
        for (String p : List.of("year", "period")) {
            queryCases(cases, "statistics", S + "/statistics", Map.of("year", "2022"), p, none);
        }
        for (String p : List.of("year", "format")) {
            queryCases(cases, "report", S + "/annual-report", Map.of("year", "2022"), p, none);
        }
        queryCases(cases, "report(docx)", S + "/annual-report", Map.of("year", "2022"), "year", docx);
        for (String p : List.of("year", "province")) {
            queryCases(cases, "province", "/api/v1/province/overview", Map.of("year", "2022"), p, none);
        }

        // path parameters: an unknown or malformed school or item is a 404 naming it (or the path, when no route matches)
        List<String> ids = new ArrayList<>(List.of("no-such", "\u0000", "a\u0000b", "x\u0001", "..", "...", "%2e%2e",
                "x".repeat(1_000), "招".repeat(300), "' or 1=1 --", "<script>", "JCLG", " jclg", "jclg\u0000"));
        for (String id : ids) {
            String e = enc(id);
            Set<String> school = Set.of("schoolCode", "path");
            cases.add(new Case("school " + shown(id), "GET", "/api/v1/schools/" + e, none, school, true));
            cases.add(new Case("catalogue of " + shown(id), "GET", "/api/v1/schools/" + e + "/catalogue", none, school, true));
            cases.add(new Case("items of " + shown(id), "GET", "/api/v1/schools/" + e + "/items?q=x", none, school, true));
            cases.add(new Case("statistics of " + shown(id), "GET", "/api/v1/schools/" + e + "/statistics?year=2022", none, school, true));
            cases.add(new Case("report of " + shown(id), "GET", "/api/v1/schools/" + e + "/annual-report?year=2022&format=docx",
                    none, school, true));
            // /items/.. is normalised to the school itself, as every HTTP stack does
            cases.add(new Case("item " + shown(id), "GET", S + "/items/" + e, none, Set.of("itemId", "path"), !id.equals("..")));
        }
        cases.add(new Case("path traversal", "GET", S + "/items/..%2F..%2Fetc%2Fpasswd", none, Set.of("itemId", "path"), true));
        cases.add(new Case("unknown route", "GET", S + "/history", none, Set.of("path"), true));
        cases.add(new Case("unknown route 2", "GET", "/api/v1/schools/jclg/items/x/history", none, Set.of("path", "itemId"), true));

        // invalid UTF-8 in a well-formed escape decodes to U+FFFD: a value like any other, refused or searched for
        for (String raw : List.of("q=%E6%8B", "q=%C0%80", "department=%ED%A0%80", "limit=%FF", "kind=%FE%FF")) {
            String param = raw.substring(0, raw.indexOf('='));
            cases.add(new Case("raw " + raw, "GET", S + "/items?" + raw, none, Set.of(param), !raw.startsWith("q=")
                    && !raw.startsWith("department=")));
        }

        // Accept header and methods
        for (String accept : List.of("text/html", "image/png", "garbage", "application/json;q=abc", "*/*;q=2", ";;;", "text/")) {
            cases.add(new Case("items Accept " + accept, "GET", S + "/items", Map.of("Accept", accept), Set.of("Accept"), false));
            cases.add(new Case("report Accept " + accept, "GET", S + "/annual-report?year=2022", Map.of("Accept", accept),
                    Set.of("Accept"), false));
            cases.add(new Case("statistics Accept " + accept, "GET", S + "/statistics?year=2022", Map.of("Accept", accept),
                    Set.of("Accept"), false));
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            cases.add(new Case(method + " items", method, S + "/items", none, Set.of("method"), true));
            cases.add(new Case(method + " schools", method, "/api/v1/schools", none, Set.of("method"), true));
        }
        return cases;
    }

    @Test
    void noBadInputGivesA5xxAndEvery4xxNamesTheParameterInChineseAndEnglish() {
        List<Case> corpus = corpus();
        assertTrue(corpus.size() >= 100, "corpus has " + corpus.size() + " requests");
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (Case c : corpus) {
            RawResponse r = RawResponse.send(c.method(), c.url(), c.headers());
            int status = r.status();
            String body = r.body();
            if (status >= 500) {
                failures.add(c.label() + ": " + status + " " + trim(body));
                continue;
            }
            if (status < 400) {
                if (c.mustFail()) {
                    failures.add(c.label() + ": accepted with " + status);
                }
                continue;
            }
            refused++;
            String type = r.header("content-type");
            if (type == null || !type.startsWith("application/problem+json") || body.isEmpty()) {
                failures.add(c.label() + ": " + status + " not problem+json (" + type + "): " + trim(body));
                continue;
            }
            JsonPath json = JsonPath.from(body);
            List<Map<String, Object>> errors = json.getList("errors");
            String title = json.getString("title");
            boolean titleBoth = title != null && CJK.matcher(title).find() && LATIN.matcher(title).find();
            boolean named = errors != null && errors.stream().anyMatch(e -> c.fields().contains(String.valueOf(e.get("field")))
                    && CJK.matcher(String.valueOf(e.get("messageZh"))).find()
                    && LATIN.matcher(String.valueOf(e.get("message"))).find());
            if (!titleBoth || !named || json.getInt("status") != status) {
                failures.add(c.label() + ": " + status + " does not name " + c.fields() + " in Chinese and English: " + trim(body));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + corpus.size() + " requests failed:\n" + String.join("\n", failures));
        assertTrue(refused >= 100, "at least 100 refusals, got " + refused);

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // still serving normal requests
        given().get(S + "/items?limit=1").then().statusCode(200).body("school", equalTo("jclg"));
    }

    /**
     * A request target that is not a URI at all ({@code q=%zz}, {@code /schools/%zz}) is refused by Quarkus's HTTP
     * layer before any application code runs (VertxHttpRecorder's URI check): a 400, never a 5xx, but with an empty
     * body that the service cannot change short of -Dvertx.disableURIValidation=true.
     */
    @Test
    void aRequestTargetThatIsNotAUriIsA400() {
        for (String target : List.of(S + "/items?q=%zz", S + "/items?q=%", S + "/statistics?year=%", "/api/v1/schools/%zz/items",
                S + "/items/%", S + "/items?cursor=%G0")) {
            assertEquals(400, RawResponse.send("GET", target, Map.of()).status(), target);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void nulInThePublicSearchIsA400NamingQ() {
        Response r = given().urlEncodingEnabled(false).get(S + "/items?q=%00");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].messageZh", org.hamcrest.Matchers.containsString("控制字符"));
    }

    @Test
    void aTamperedCursorWithAnImpossibleDateIsA400NamingCursor() {
        given().queryParam("cursor", b64("v1|+999999999-12-31|x")).get(S + "/items")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aNonNumericCatalogueYearIsA400NamingYear() {
        given().queryParam("year", "abc").get(S + "/catalogue")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        given().queryParam("entriesPerItem", "x").get(S + "/catalogue")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("entriesPerItem"));
    }

    /**
     * A response read off a plain socket: the corpus sends request targets that HTTP client libraries refuse to
     * build (malformed percent-encoding), exactly as a careless client would.
     */
    record RawResponse(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        static RawResponse send(String method, String target, Map<String, String> headers) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
                socket.setSoTimeout(60_000);
                StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                        .append("Host: 127.0.0.1\r\nConnection: close\r\n");
                if (!headers.containsKey("Accept")) {
                    req.append("Accept: */*\r\n");
                }
                headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
                if (!method.equals("GET")) {
                    req.append("Content-Length: 0\r\n");
                }
                req.append("\r\n");
                socket.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                byte[] all = socket.getInputStream().readAllBytes();
                return parse(all);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static RawResponse parse(byte[] all) {
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            if (end < 0) {
                return new RawResponse(0, Map.of(), new String(all, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    h.put(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).strip());
                }
            }
            byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                int pos = 0;
                while (pos < rest.length) {
                    int lineEnd = indexOf(rest, "\r\n".getBytes(StandardCharsets.US_ASCII), pos);
                    int size = Integer.parseInt(new String(rest, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
                    if (size == 0) {
                        break;
                    }
                    out.write(rest, lineEnd + 2, size);
                    pos = lineEnd + 2 + size + 2;
                }
                rest = out.toByteArray();
            }
            return new RawResponse(status, h, new String(rest, StandardCharsets.UTF_8));
        }

        static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
