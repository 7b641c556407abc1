package io.xxgk.ingest;

import io.xxgk.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.EventCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RequestRegisterTest {

    @Test
    void applicationIsRecordedThenAnsweredAndBothVersionsReachKafka() {
        String auth = Keys.bearer("zjjhk", "党政办公室");
        String id = "ysq-" + UUID.randomUUID();
        Map<String, Object> application = new HashMap<>(Map.of("id", id, "schoolCode", "zjjhk", "type", "APPLICATION",
                "receivedDate", "2025-03-10", "applicantType", "NATURAL_PERSON", "subject", "申请公开2024年学校收费项目及标准"));
        given().header("Authorization", auth).contentType(Keys.JSON).body(application).post("/api/v1/requests")
                .then().statusCode(202).body("revision", equalTo(1));
        application.put("answerType", "DISCLOSED");
        application.put("answeredDate", "2025-03-20");
        given().header("Authorization", auth).contentType(Keys.JSON).body(application).post("/api/v1/requests")
                .then().statusCode(202).body("revision", equalTo(2)).body("answerType", equalTo("DISCLOSED"));

        List<DisclosureRequestEvent> events = TopicProbe.readUntil(Topics.REQUESTS,
                        seen -> seen.stream().filter(r -> r.value().contains(id)).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> r.value().contains(id)).map(r -> EventCodec.decode(r.value(), DisclosureRequestEvent.class)).toList();
        assertEquals(2, events.size());
        assertEquals(DisclosureRequestEvent.AnswerType.DISCLOSED, events.get(1).answerType());
        // other tests record entries of other schools on the same topic: look at this entry's records
        assertEquals(List.of("zjjhk", "zjjhk"), TopicProbe.readUntil(Topics.REQUESTS,
                        seen -> seen.stream().filter(r -> r.value().contains(id)).count() >= 2, Duration.ofSeconds(10))
                .stream().filter(r -> r.value().contains(id)).map(r -> r.key()).toList());
    }

    @Test
    void invalidEntriesNameTheirFields() {
        given().header("Authorization", Keys.bearer("zjjhk", "党政办公室")).contentType(Keys.JSON)
                .body(Map.of("id", "bad", "schoolCode", "zjjhk", "type", "PETITION", "receivedDate", "2025-02-30",
                        "answerType", "MAYBE", "feeYuan", -5))
                .post("/api/v1/requests").then().statusCode(400)
                .body("errors.field", hasItem("type")).body("errors.field", hasItem("receivedDate"))
                .body("errors.field", hasItem("answerType")).body("errors.field", hasItem("feeYuan"));
    }
}
