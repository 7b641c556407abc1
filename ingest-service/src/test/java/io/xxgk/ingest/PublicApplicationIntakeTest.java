package io.xxgk.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applications made by the public through publish-service's form: ingest's intake, with its own narrow credential. */
@QuarkusTest
class PublicApplicationIntakeTest {

    static final String FORM = "Bearer test-public-form-token";
    static final String SCHOOL = "hnxx";

    static Map<String, Object> application(String key) {
        Map<String, Object> a = new HashMap<>();
        a.put("schoolCode", SCHOOL);
        a.put("submissionKey", key);
        a.put("applicantType", "NATURAL_PERSON");
        a.put("name", "欧阳申请人");
        a.put("idNumber", "居民身份证 430102199001011234");
        a.put("phone", "139 0731 4455");
        a.put("email", "ouyang.applicant@example.cn");
        a.put("address", "湖南省长沙市岳麓区某路 88 号");
        a.put("description", "申请公开本校2025年学生公寓住宿费收费标准的批复文件");
        a.put("medium", "ELECTRONIC");
        a.put("delivery", "EMAIL");
        return a;
    }

    static ExtractableResponse<Response> submit(String auth, Map<String, Object> body) {
        return given().header("Authorization", auth).contentType(Keys.JSON).body(body)
                .post("/api/v1/public-applications").then().extract();
    }

    @Test
    void anApplicationGetsATrackingNumberAndReachesTheRegisterWithoutThePersonalData() {
        String key = "k" + UUID.randomUUID().toString().replace("-", "");
        ExtractableResponse<Response> r = submit(FORM, application(key));
        assertEquals(202, r.statusCode(), r.asString());
        String tracking = r.path("trackingNumber");
        assertTrue(tracking.matches("YSQ\\d{8}-[0-9A-Z]{8}"), tracking);
        assertEquals(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), r.path("receivedDate"));
        assertFalse(r.asString().contains("欧阳申请人"), "the receipt repeats no personal data");

        ConsumerRecord<String, String> record = TopicProbe.readUntil(Topics.REQUESTS,
                        seen -> seen.stream().anyMatch(x -> x.value().contains(tracking)), Duration.ofSeconds(30))
                .stream().filter(x -> x.value().contains(tracking)).findFirst().orElseThrow();
        assertEquals(SCHOOL, record.key());
        DisclosureRequestEvent e = EventCodec.decode(record.value(), DisclosureRequestEvent.class);
        assertEquals(DisclosureRequestEvent.RecordType.APPLICATION, e.type());
        assertEquals(DisclosureRequestEvent.ApplicantType.NATURAL_PERSON, e.applicantType());
        assertEquals(1, e.revision());
        assertNull(e.subject());
        for (String personal : List.of("欧阳申请人", "430102199001011234", "0731", "ouyang.applicant", "岳麓区", "住宿费")) {
            assertFalse(record.value().contains(personal), "the event carries " + personal + ": " + record.value());
        }

        // the office sees the applicant's data (operators and administrators only)
        given().header("Authorization", "Bearer " + Keys.ADMIN).queryParam("schoolCode", SCHOOL).queryParam("limit", 200)
                .get("/api/v1/public-applications").then().statusCode(200)
                .body("find { it.trackingNumber == '" + tracking + "' }.name", equalTo("欧阳申请人"))
                .body("find { it.trackingNumber == '" + tracking + "' }.email", equalTo("ouyang.applicant@example.cn"))
                .body("find { it.trackingNumber == '" + tracking + "' }.description", containsString("住宿费"));

        // and answers it in the register under the tracking number: the next revision of the same entry
        given().header("Authorization", Keys.bearer(SCHOOL, "信息公开办公室")).contentType(Keys.JSON)
                .body(Map.of("id", tracking, "schoolCode", SCHOOL, "type", "APPLICATION", "receivedDate", e.receivedDate().toString(),
                        "applicantType", "NATURAL_PERSON", "answerType", "DISCLOSED", "answeredDate", e.receivedDate().toString()))
                .post("/api/v1/requests").then().statusCode(202).body("revision", equalTo(2));
    }

    @Test
    void theSameFormAgainIsTheSameApplicationAndOtherContentUnderItsKeyIsAConflict() {
        String key = "k" + UUID.randomUUID().toString().replace("-", "");
        String first = submit(FORM, application(key)).path("trackingNumber");
        ExtractableResponse<Response> again = submit(FORM, application(key));
        assertEquals(202, again.statusCode());
        assertEquals(first, again.path("trackingNumber"));

        Map<String, Object> changed = application(key);
        changed.put("description", "另一件事");
        given().header("Authorization", FORM).contentType(Keys.JSON).body(changed).post("/api/v1/public-applications")
                .then().statusCode(409).body("errors.field", hasItem("submissionKey"));
    }

    @Test
    void everyFieldHasALimitNamedInChineseAndEnglish() {
        Map<String, Object> a = application("k" + UUID.randomUUID().toString().replace("-", ""));
        a.put("name", "名".repeat(51));
        a.put("description", "述".repeat(2001));
        a.put("phone", "call me");
        a.put("applicantType", "ALIEN");
        a.put("schoolCode", "no-such-school");
        a.put("idNumber", "430\u0000102");
        given().header("Authorization", FORM).contentType(Keys.JSON).body(a).post("/api/v1/public-applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.messageZh", hasItem(containsString("姓名或名称")))
                .body("errors.field", hasItem("description")).body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("applicantType")).body("errors.field", hasItem("schoolCode"))
                .body("errors.field", hasItem("idNumber"));
        given().header("Authorization", FORM).contentType(Keys.JSON).body("[1,2]").post("/api/v1/public-applications")
                .then().statusCode(400).body("errors.field", hasItem("$"));
        given().header("Authorization", "Bearer " + Keys.ADMIN).queryParam("schoolCode", SCHOOL).queryParam("limit", "0")
                .get("/api/v1/public-applications").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().header("Authorization", "Bearer " + Keys.ADMIN).get("/api/v1/public-applications")
                .then().statusCode(400).body("errors.field", hasItem("schoolCode"));
    }

    @Test
    void theFormsCredentialCanDoNothingElseAndNothingElseCanWriteHere() {
        given().header("Authorization", FORM).contentType(Keys.JSON)
                .body(Map.of("id", "x", "schoolCode", SCHOOL, "department", "招生就业处", "title", "t", "producedDate", "2025-01-01"))
                .post("/api/v1/items").then().statusCode(403);
        given().header("Authorization", FORM).contentType(Keys.JSON)
                .body(Map.of("id", "x", "schoolCode", SCHOOL, "type", "APPLICATION", "receivedDate", "2025-01-01"))
                .post("/api/v1/requests").then().statusCode(403);
        given().header("Authorization", FORM).queryParam("schoolCode", SCHOOL).get("/api/v1/public-applications").then().statusCode(403);
        given().header("Authorization", FORM).get("/api/v1/admin/api-keys").then().statusCode(403);

        Map<String, Object> a = application("k" + UUID.randomUUID().toString().replace("-", ""));
        given().header("Authorization", Keys.bearer(SCHOOL, "招生就业处")).contentType(Keys.JSON).body(a)
                .post("/api/v1/public-applications").then().statusCode(403);
        given().contentType(Keys.JSON).body(a).post("/api/v1/public-applications").then().statusCode(401);
        given().header("Authorization", "Bearer not-the-token").contentType(Keys.JSON).body(a)
                .post("/api/v1/public-applications").then().statusCode(401);
    }
}
