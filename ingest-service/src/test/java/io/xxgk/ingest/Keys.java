package io.xxgk.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Department API keys issued through the admin endpoint, one per (school, department), reused across tests. */
final class Keys {

    static final String ADMIN = "test-admin-token";
    static final String JSON = "application/json; charset=UTF-8";
    private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();

    private Keys() {
    }

    static String of(String school, String department) {
        return ISSUED.computeIfAbsent(school + "/" + department, k -> issue(school, department));
    }

    static String issue(String school, String department) {
        return given().header("Authorization", "Bearer " + ADMIN).contentType(JSON)
                .body(Map.of("schoolCode", school, "department", department, "role", "DEPARTMENT"))
                .when().post("/api/v1/admin/api-keys")
                .then().statusCode(201).extract().path("key");
    }

    static String bearer(String school, String department) {
        return "Bearer " + of(school, department);
    }
}
