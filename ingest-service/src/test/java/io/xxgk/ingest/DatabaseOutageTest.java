package io.xxgk.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding 3: while PostgreSQL is down every endpoint answers 503 problem+json with Retry-After, then recovers. */
@QuarkusTest
class DatabaseOutageTest {

    static Map<String, Object> item(String id) {
        return Map.of("id", id, "schoolCode", "jclg", "department", "校长办公室", "title", "学校章程修订说明",
                "kind", "RULE", "producedDate", "2025-03-03");
    }

    @Test
    void whileTheDatabaseIsDownClientsAreToldToRetryAndAfterwardsTheSamePostIsAccepted() {
        String auth = Keys.bearer("jclg", "校长办公室"); // issued while the database is up
        String id = "outage-" + UUID.randomUUID();
        TestServers.Database postgres = RealServers.stack().postgres();
        postgres.close();
        try {
            for (Response r : new Response[]{
                    given().header("Authorization", auth).contentType(Keys.JSON).body(item(id)).post("/api/v1/items"),
                    given().header("Authorization", auth).get("/api/v1/items/" + id),
                    given().header("Authorization", "Bearer " + Keys.ADMIN).get("/api/v1/admin/api-keys"),
                    given().header("Authorization", auth).contentType(Keys.JSON).body(Map.of("id", "r-" + id, "schoolCode", "jclg",
                            "type", "APPLICATION", "receivedDate", "2025-03-10")).post("/api/v1/requests")}) {
                r.then().statusCode(503).contentType(startsWith("application/problem+json")).body("status", equalTo(503));
                assertNotNull(r.header("Retry-After"));
                assertTrue(Integer.parseInt(r.header("Retry-After")) > 0);
            }
        } finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", auth).contentType(Keys.JSON).body(item(id)).post("/api/v1/items")
                        .then().statusCode(202));
        assertEquals("ACCEPTED", given().header("Authorization", auth).get("/api/v1/items/" + id).then().statusCode(200)
                .extract().path("status"));
    }
}
