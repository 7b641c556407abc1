package io.xxgk.publish.service.links;

import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.problem.ShownText;
import io.xxgk.contract.school.School;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.repository.SchoolDataVersions;
import io.xxgk.publish.repository.links.ColumnLinkEntity;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.OfficeRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 栏目链接: the disclosure office (reviewer or admin) records, per checklist item, the URL of the column on the school's
 * own website where the item is published (the 2018 notice's 50-row table carries it). The catalogue, the statistics
 * and the console's coverage read them through {@link #urls}.
 */
@ApplicationScoped
public class ColumnLinkService {

    public static final int MAX_URL = 1000;

    private final ChecklistCatalog checklists;
    private final SchoolDataVersions versions;

    public ColumnLinkService(ChecklistCatalog checklists, SchoolDataVersions versions) {
        this.checklists = checklists;
        this.versions = versions;
    }

    /** The school's column links: item → URL. */
    @Transactional
    public Map<Integer, String> urls(String schoolCode) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (ColumnLinkEntity l : ColumnLinkEntity.ofSchool(schoolCode)) {
            out.put(l.checklistItem, l.url);
        }
        return out;
    }

    @Transactional
    public List<ColumnLinkView> links(String schoolCode) {
        return ColumnLinkEntity.ofSchool(schoolCode).stream().map(ColumnLinkService::view).toList();
    }

    @Transactional
    public ColumnLinkView set(School school, int item, String url, ActingUser actor) {
        OfficeRoles.requireReviewerOrAdmin(actor, "设置栏目链接", "set column links");
        existing(school, item);
        String u = valid(url);
        ColumnLinkEntity l = ColumnLinkEntity.findOrNew(school.code(), item);
        l.url = u;
        l.updatedBy = actor.name();
        l.updatedRole = actor.role().name();
        l.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        l.persist();
        versions.changed(school.code());
        return view(l);
    }

    @Transactional
    public void remove(School school, int item, ActingUser actor) {
        OfficeRoles.requireReviewerOrAdmin(actor, "设置栏目链接", "set column links");
        existing(school, item);
        ColumnLinkEntity l = ColumnLinkEntity.find(school.code(), item);
        if (l == null) {
            throw ProblemException.notFound("item", "第 " + item + " 项没有栏目链接 / item " + item + " has no column link");
        }
        l.delete();
        versions.changed(school.code());
    }

    /** An absolute http(s) URL with a host, at most {@link #MAX_URL} characters, nothing but the URL. */
    static String valid(String raw) {
        String u = raw == null ? "" : raw.strip();
        if (u.isEmpty()) {
            throw ProblemException.invalid("url", "required", "give the URL of the column on the school's website, e.g. https://www.example.edu.cn/xxgk/zsxx.htm",
                    "请填写该事项在学校网站上的栏目链接（url），例如 https://www.example.edu.cn/xxgk/zsxx.htm");
        }
        if (u.length() > MAX_URL) {
            throw ProblemException.invalid("url", "too-long", "the URL may have at most " + MAX_URL + " characters",
                    "栏目链接（url）不能超过 " + MAX_URL + " 个字符");
        }
        URI uri;
        try {
            uri = u.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)) ? null : new URI(u);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalid("url", "invalid-url", "the URL must be an absolute http or https address, not '"
                    + ShownText.of(u) + "'", "栏目链接（url）应为以 http:// 或 https:// 开头的完整网址，而不是“" + ShownText.of(u) + "”");
        }
        return u;
    }

    private void existing(School school, int item) {
        checklists.forSchool(school).item(item).orElseThrow(() -> ProblemException.notFound("item",
                "清单中没有第 " + item + " 项 / the checklist has no item " + item));
    }

    private static ColumnLinkView view(ColumnLinkEntity l) {
        return new ColumnLinkView(l.schoolCode, l.checklistItem, l.url, l.updatedBy, l.updatedRole, l.updatedAt);
    }
}
