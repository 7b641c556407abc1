package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Unknown school: 404; a bad parameter: 400 naming it; both as problem+json, never a 500. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ParameterErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/schools/nope/statistics?year=2022", "/api/v1/schools/nope/annual-report?year=2022",
            "/api/v1/schools/nope/annual-report?year=2022&format=docx"})
    void unknownSchoolIsA404Problem(String url) {
        given().when().get(url).then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404))
                .body("detail", containsString("nope"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/schools/zzsz/statistics|year",
            "/api/v1/schools/zzsz/statistics?year=|year",
            "/api/v1/schools/zzsz/statistics?year=abc|year",
            "/api/v1/schools/zzsz/statistics?year=1999|year",
            "/api/v1/schools/zzsz/statistics?year=2101|year",
            "/api/v1/schools/zzsz/statistics?year=2022.5|year",
            "/api/v1/schools/zzsz/statistics?year=2022&period=weekly|period",
            "/api/v1/schools/zzsz/annual-report|year",
            "/api/v1/schools/zzsz/annual-report?year=x|year",
            "/api/v1/schools/zzsz/annual-report?year=2022&format=pdf|format",
            "/api/v1/province/overview|year",
            "/api/v1/province/overview?year=99999999999|year",
            "/api/v1/province/overview?year=2022&province=火星省|province"})
    void badParameterIsA400ProblemNamingIt(String url, String parameter) {
        given().when().get(url).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter))
                .body("detail", containsString(parameter));
    }
}
