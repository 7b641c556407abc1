package io.xxgk.console.rest;

import io.vertx.core.http.HttpServerRequest;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.xxgk.console.repository.ConsoleRole.ADMIN;
import static io.xxgk.console.repository.ConsoleRole.EDITOR;
import static io.xxgk.console.repository.ConsoleRole.LEADER;
import static io.xxgk.console.repository.ConsoleRole.OPERATOR;
import static io.xxgk.console.repository.ConsoleRole.REVIEWER;

/**
 * The layout's navigation ({@code inject:nav} in templates/layout.html): the pages the signed-in person's role may
 * open, and who is signed in. Pages added to the console add their link here.
 */
@Named("nav")
@RequestScoped
public class Nav {

    public record Link(String href, String zh, String en, boolean active) {
    }

    private record Page(String href, String zh, String en, List<ConsoleRole> roles) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("/", "我的工作台", "Dashboard", List.of(ConsoleRole.values())),
            new Page("/review", "审核", "Review", List.of(REVIEWER, LEADER)),
            new Page("/coverage", "覆盖与期限", "Coverage", List.of(EDITOR, REVIEWER, LEADER, ADMIN)),
            new Page("/report/" + LocalDate.now().getYear(), "年度报告", "Annual report", List.of(REVIEWER, LEADER, ADMIN)),
            new Page("/ops", "运行监控", "Operations", List.of(OPERATOR, ADMIN)),
            new Page("/admin/accounts", "账户", "Accounts", List.of(ADMIN)),
            new Page("/admin/api-keys", "API 密钥", "API keys", List.of(ADMIN)),
            new Page("/admin/sign-off", "审核流程", "Sign-off mode", List.of(ADMIN)));

    private final CurrentUser current;
    private final HttpServerRequest request;

    public Nav(CurrentUser current, HttpServerRequest request) {
        this.current = current;
        this.request = request;
    }

    public boolean isSignedIn() {
        return current.find().isPresent();
    }

    public ConsoleUser getUser() {
        return current.find().orElse(null);
    }

    public String getRoleLabel() {
        return current.find().map(u -> u.role().labelZh()).orElse("");
    }

    public List<Link> getLinks() {
        ConsoleUser user = current.find().orElse(null);
        if (user == null) {
            return List.of();
        }
        String path = request.path();
        List<Link> links = new ArrayList<>();
        for (Page p : PAGES) {
            if (p.roles().contains(user.role())) {
                boolean active = p.href().equals("/") ? "/".equals(path) : path.startsWith(p.href());
                links.add(new Link(p.href(), p.zh(), p.en(), active));
            }
        }
        return links;
    }
}
