package io.xxgk.publish.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With PostgreSQL stopped the service is alive (an orchestrator must not restart it: it waits the outage out) but
 * not ready (it should get no traffic); both come back by themselves when the database does.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class LivenessWithoutDatabaseTest {

    @Test
    void livenessStaysUpWhileThePostgresqlServerIsStoppedAndReadinessGoesDown() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        List<String> liveChecks = given().get("/q/health/live").then().statusCode(200).extract().jsonPath().getList("checks.name");
        assertTrue(liveChecks.stream().noneMatch(n -> n.toLowerCase().contains("database") || n.toLowerCase().contains("datasource")),
                "no liveness check reads the database: " + liveChecks);
        RealServers.stack().postgres().close();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath ready = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
                assertEquals("DOWN", ready.getString("status"));
                assertEquals("DOWN", ready.getString("checks.find { it.name == 'Database connections health check' }.status"));
            });
            for (int i = 0; i < 5; i++) {
                given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
                sleep(1000);
            }
        } finally {
            RealServers.stack().postgres().start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
