package io.xxgk.testing;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The health contract every service keeps, checked from a {@code @QuarkusTest} against {@link RealServers}: with
 * PostgreSQL stopped the service is alive (an orchestrator must not restart it: it waits the outage out) but not
 * ready (it should get no traffic); both come back by themselves when the database does.
 */
public final class DatabaseOutageHealth {

    private DatabaseOutageHealth() {
    }

    public static void livenessStaysUpWhileReadinessFollowsTheDatabase() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        List<String> liveChecks = given().get("/q/health/live").then().statusCode(200).extract().jsonPath().getList("checks.name");
        assertThat("no liveness check reads the database: " + liveChecks,
                liveChecks.stream().map(n -> n.toLowerCase(Locale.ROOT)).noneMatch(n -> n.contains("database") || n.contains("datasource")));
        RealServers.stack().postgres().close();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath ready = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
                assertThat(ready.getString("status"), equalTo("DOWN"));
                assertThat(ready.getString("checks.find { it.name == 'Database connections health check' }.status"), equalTo("DOWN"));
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
