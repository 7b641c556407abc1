package io.xxgk.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.xxgk.console.repository.Account;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** /admin/accounts: CSRF on every form, administrators only, and what an administrator changes takes effect. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "console"))
class AdminAccountsTest {

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String admin = Accounts.create("admin", null);
        String session = Accounts.session(admin);
        String name = "nocsrf-" + UUID.randomUUID().toString().substring(0, 6);
        Response r = given().cookie("xxgk-console", session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("username", name).formParam("role", "reviewer").formParam("password", "a-long-password-1")
                .post("/admin/accounts");
        assertThat(r.statusCode(), is(400));
        assertThat(r.asString(), containsString("表单已失效"));
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Account.byUsername(name).isPresent()), is(false));

        // a token of another session's cookie is no good either
        Accounts.Csrf csrf = Accounts.Csrf.of(given().cookie("xxgk-console", session).get("/admin/accounts"));
        Response forged = given().cookie("xxgk-console", session).cookie("xxgk-csrf", csrf.cookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", "x" + csrf.token().substring(1))
                .formParam("username", name).formParam("role", "reviewer").formParam("password", "a-long-password-1")
                .post("/admin/accounts");
        assertThat(forged.statusCode(), is(400));
    }

    @Test
    void anAdministratorCreatesAnEditorWhoCanSignInAndSeesTheirDepartment() {
        String admin = Accounts.create("admin", null);
        String session = Accounts.session(admin);
        Accounts.Csrf csrf = Accounts.Csrf.of(given().cookie("xxgk-console", session).get("/admin/accounts"));
        String name = "editor-new-" + UUID.randomUUID().toString().substring(0, 6);
        Response r = given().cookie("xxgk-console", session).cookie("xxgk-csrf", csrf.cookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf.token())
                .formParam("username", name).formParam("displayName", "李老师").formParam("role", "editor")
                .formParam("department", "财务处").formParam("password", "a-long-password-1")
                .post("/admin/accounts");
        assertThat(r.statusCode(), is(303));
        assertThat(r.getHeader("Location"), containsString("/admin/accounts?done=created"));
        Account created = Accounts.load(name);
        assertThat(created.department, equalTo("财务处"));
        assertThat(created.schoolCode, equalTo("zzsz"));
        assertThat(created.passwordHash, startsWith("$2a$"));

        Response signIn = Accounts.signIn(name, "a-long-password-1");
        assertThat(signIn.getCookie("xxgk-console"), notNullValue());
        String page = given().cookie("xxgk-console", signIn.getCookie("xxgk-console")).get("/").then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("李老师"), containsString("财务处")));
    }

    @Test
    void anEditorWithoutADepartmentIsRefusedNamingTheField() {
        String admin = Accounts.create("admin", null);
        String session = Accounts.session(admin);
        Accounts.Csrf csrf = Accounts.Csrf.of(given().cookie("xxgk-console", session).get("/admin/accounts"));
        Response r = given().cookie("xxgk-console", session).cookie("xxgk-csrf", csrf.cookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf.token())
                .formParam("username", "editor-nodept").formParam("role", "editor").formParam("password", "short")
                .post("/admin/accounts");
        assertThat(r.statusCode(), is(400));
        assertThat(r.asString(), allOf(containsString("部门信息员必须指定部门"), containsString("密码至少 10 个字符")));
    }

    @Test
    void disablingAndResettingTakeEffect() {
        String admin = Accounts.create("admin", null);
        String target = Accounts.create("reviewer", null);
        long id = Accounts.load(target).id;
        String session = Accounts.session(admin);
        Accounts.Csrf csrf = Accounts.Csrf.of(given().cookie("xxgk-console", session).get("/admin/accounts"));

        given().cookie("xxgk-console", session).cookie("xxgk-csrf", csrf.cookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf.token())
                .formParam("password", "brand-new-password").post("/admin/accounts/" + id + "/password")
                .then().statusCode(303);
        assertThat(Accounts.signIn(target, Accounts.PASSWORD).getHeader("Location"), containsString("error"));
        assertThat(Accounts.signIn(target, "brand-new-password").getHeader("Location"), not(containsString("error")));

        given().cookie("xxgk-console", session).cookie("xxgk-csrf", csrf.cookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf.token())
                .formParam("enabled", "false").post("/admin/accounts/" + id + "/enabled")
                .then().statusCode(303);
        assertThat(Accounts.load(target).enabled, is(false));
        assertThat(Accounts.signIn(target, "brand-new-password").getHeader("Location"), containsString("error"));
    }

    @Test
    void onlyAdministratorsOpenTheAccountsPage() {
        String reviewer = Accounts.create("reviewer", null);
        Response r = given().cookie("xxgk-console", Accounts.session(reviewer)).redirects().follow(false).get("/admin/accounts");
        assertThat(r.statusCode(), is(403));
        assertThat(r.asString(), containsString("无权"));
    }

    @Test
    void theSignInLogIsShownToAdministrators() {
        String admin = Accounts.create("admin", null);
        String victim = Accounts.create("editor", "教务处");
        Accounts.signIn(victim, "not-the-password");
        String page = given().cookie("xxgk-console", Accounts.session(admin)).get("/admin/accounts").then().statusCode(200)
                .extract().asString();
        assertThat(page, allOf(containsString(victim), containsString("密码错误"), containsString("127.0.0.1")));
    }
}
