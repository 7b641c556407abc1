package io.xxgk.console;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.xxgk.console.repository.Account;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Test accounts written straight to the console's database, and a browser-like sign-in over HTTP. */
final class Accounts {

    static final String PASSWORD = "correct-horse-battery";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Accounts() {
    }

    /** A fresh account with a unique name (tests share one database). */
    static String create(String role, String department) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = new Account();
            a.username = username;
            a.displayName = "测试" + role;
            a.role = role;
            a.schoolCode = "zzsz";
            a.department = department;
            a.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
            a.persist();
        });
        return username;
    }

    static Account load(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Account.byUsername(username).orElseThrow());
    }

    static Response signIn(String username, String password) {
        return given().redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }

    /** The session cookie of a successful sign-in. */
    static String session(String username) {
        Response r = signIn(username, PASSWORD);
        String cookie = r.getCookie("xxgk-console");
        if (r.statusCode() != 302 || cookie == null) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.statusCode() + " " + r.headers());
        }
        return cookie;
    }

    /** The CSRF token of a page's forms, and the cookie it belongs to. */
    record Csrf(String token, String cookie) {
        static Csrf of(Response page) {
            Matcher m = CSRF.matcher(page.asString());
            if (!m.find()) {
                throw new AssertionError("no CSRF field on the page: " + page.asString());
            }
            return new Csrf(m.group(1), page.getCookie("xxgk-csrf"));
        }
    }
}
