package io.xxgk.publish.rest.site;

import io.xxgk.contract.school.School;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The site's navigation for one school: its stable URLs, and which one is the current page (aria-current).
 * {@code /schools/{school}/apply} (依申请公开) is {@link ApplicationPagesResource}.
 */
public record Nav(String code, String name, String province, String active, List<Link> links) {

    public record Link(String key, String href, String label) {
    }

    public static Nav of(School school, String active) {
        String base = "/schools/" + school.code();
        return new Nav(school.code(), school.name(), school.province(), active, List.of(
                new Link("home", base, "首页"),
                new Link("catalogue", base + "/catalogue", "信息公开目录"),
                new Link("checklist", base + "/checklist", "清单"),
                new Link("search", base + "/search", "检索"),
                new Link("reports", base + "/reports", "年度报告"),
                new Link("apply", base + "/apply", "依申请公开")));
    }

    public String base() {
        return "/schools/" + code;
    }

    public String provinceHref() {
        return "/provinces/" + enc(province);
    }

    public String itemHref(String itemId) {
        return base() + "/items/" + enc(itemId);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
