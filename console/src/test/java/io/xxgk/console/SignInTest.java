package io.xxgk.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.xxgk.console.repository.Account;
import io.xxgk.console.repository.SignInEvent;
import io.xxgk.console.repository.SignInEvent.Outcome;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

/** Form login against the accounts table: roles, wrong passwords, lockout, disabled accounts, the audit log. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "console"))
class SignInTest {

    @Test
    void aPageNeedsASignInAndTheLoginPageIsChineseFirst() {
        Response r = given().redirects().follow(false).get("/");
        assertThat(r.statusCode(), is(302));
        assertThat(r.getHeader("Location"), endsWith("/login"));
        String login = given().get("/login").then().statusCode(200).extract().asString();
        assertThat(login, allOf(containsString("登录"), containsString("用户名"), containsString("name=\"j_username\""),
                containsString("name=\"csrf-token\"")));
    }

    @Test
    void eachRoleSeesItsOwnNavigation() {
        String editor = Accounts.create("editor", "招生就业处");
        String page = given().cookie("xxgk-console", Accounts.session(editor)).get("/").then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("我的工作台"), containsString("href=\"/coverage\""), containsString("招生就业处"),
                not(containsString("href=\"/admin/accounts\"")), not(containsString("href=\"/ops\"")),
                not(containsString("href=\"/review\""))));

        String admin = Accounts.create("admin", null);
        page = given().cookie("xxgk-console", Accounts.session(admin)).get("/").then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("href=\"/admin/accounts\""), containsString("href=\"/admin/api-keys\""),
                containsString("href=\"/ops\"")));

        String operator = Accounts.create("operator", null);
        page = given().cookie("xxgk-console", Accounts.session(operator)).get("/").then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("href=\"/ops\""), not(containsString("href=\"/admin/accounts\"")),
                not(containsString("href=\"/review\""))));

        String reviewer = Accounts.create("reviewer", null);
        page = given().cookie("xxgk-console", Accounts.session(reviewer)).get("/").then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("href=\"/review\""), not(containsString("href=\"/ops\""))));
    }

    @Test
    void theStoredPasswordIsABcryptHash() {
        String user = Accounts.create("reviewer", null);
        assertThat(Accounts.load(user).passwordHash, allOf(startsWith("$2a$"), not(containsString(Accounts.PASSWORD))));
    }

    @Test
    void aWrongPasswordShowsTheChineseErrorAndIsAudited() {
        String user = Accounts.create("reviewer", null);
        Response r = Accounts.signIn(user, "wrong-password-1");
        assertThat(r.statusCode() + " " + r.headers(), r.statusCode(), oneOf(302, 303));
        assertThat(r.getHeader("Location"), containsString("/login?error"));
        assertThat(r.getCookie("xxgk-console"), anyOf(nullValue(), equalTo("")));
        String page = given().get("/login?error=1").then().statusCode(200).extract().asString();
        assertThat(page, containsString("用户名或密码错误"));

        List<SignInEvent> events = events(user);
        assertThat(outcomes(events), equalTo(List.of(Outcome.WRONG_PASSWORD)));
        assertThat(events.get(0).clientAddress, equalTo("127.0.0.1"));
        assertThat(events.get(0).at.isAfter(Instant.now().minusSeconds(60)), is(true));
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String user = Accounts.create("leader", null);
        for (int i = 0; i < 4; i++) {
            Accounts.signIn(user, "wrong-" + i);
        }
        assertThat(Accounts.load(user).lockedUntil, nullValue());
        Response fifth = Accounts.signIn(user, "wrong-5");
        assertThat(fifth.statusCode(), oneOf(302, 303));
        assertThat(fifth.getCookie("xxgk-signin-locked"), equalTo("1"));
        Instant lockedUntil = Accounts.load(user).lockedUntil;
        assertThat(lockedUntil, greaterThan(Instant.now().plusSeconds(14 * 60)));
        assertThat(lockedUntil, lessThan(Instant.now().plusSeconds(15 * 60 + 5)));

        Response right = Accounts.signIn(user, Accounts.PASSWORD);
        assertThat(right.getHeader("Location"), containsString("/login?error"));
        assertThat(right.getCookie("xxgk-console"), anyOf(nullValue(), equalTo("")));
        String page = given().cookie("xxgk-signin-locked", right.getCookie("xxgk-signin-locked"))
                .get("/login?error=1").then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("账户已锁定"), containsString("15 分钟")));
        assertThat(outcomes(events(user)), equalTo(List.of(Outcome.WRONG_PASSWORD, Outcome.WRONG_PASSWORD,
                Outcome.WRONG_PASSWORD, Outcome.WRONG_PASSWORD, Outcome.WRONG_PASSWORD, Outcome.LOCKED)));

        // 15 minutes later (moved back in the database) the right password works again, and the count starts afresh
        QuarkusTransaction.requiringNew().run(() -> Account.byUsername(user).orElseThrow().lockedUntil = Instant.now().minusSeconds(1));
        assertThat(Accounts.session(user), notNullValue());
        assertThat(Accounts.load(user).failedAttempts, is(0));
        assertThat(events(user).get(6).outcome, is(Outcome.SUCCESS));
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionEnds() {
        String user = Accounts.create("operator", null);
        String session = Accounts.session(user);
        given().cookie("xxgk-console", session).redirects().follow(false).get("/").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Account.byUsername(user).orElseThrow().enabled = false);

        Response after = given().cookie("xxgk-console", session).redirects().follow(false).get("/");
        assertThat(after.statusCode(), oneOf(302, 303));
        assertThat(after.getHeader("Location"), endsWith("/login"));
        Response r = Accounts.signIn(user, Accounts.PASSWORD);
        assertThat(r.getCookie("xxgk-console"), anyOf(nullValue(), equalTo("")));
        List<Outcome> outcomes = outcomes(events(user));
        assertThat(outcomes.get(outcomes.size() - 1), is(Outcome.DISABLED));
    }

    @Test
    void anUnknownNameIsAuditedToo() {
        Accounts.signIn("nobody-here", "whatever-password");
        List<SignInEvent> events = events("nobody-here");
        assertThat(outcomes(events).contains(Outcome.UNKNOWN_USER), is(true));
    }

    @Test
    void aCrossSiteSignInPostIsRefused() {
        String user = Accounts.create("reviewer", null);
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                .formParam("j_username", user).formParam("j_password", Accounts.PASSWORD)
                .post("/j_security_check");
        assertThat(r.statusCode(), is(403));
        assertThat(r.asString(), containsString("跨站"));
        assertThat(r.getCookie("xxgk-console"), anyOf(nullValue(), equalTo("")));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        String user = Accounts.create("reviewer", null);
        String setCookie = Accounts.signIn(user, Accounts.PASSWORD).getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("xxgk-console=")).findFirst().orElseThrow();
        assertThat(setCookie.toLowerCase(), allOf(containsString("httponly"), containsString("samesite=strict")));
    }

    private static List<SignInEvent> events(String username) {
        return QuarkusTransaction.requiringNew().call(() ->
                SignInEvent.<SignInEvent>list("username = ?1 order by id", username));
    }

    private static List<Outcome> outcomes(List<SignInEvent> events) {
        return events.stream().map(e -> e.outcome).toList();
    }
}
