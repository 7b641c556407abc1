package io.xxgk.classify.model;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The publishing department reduced to one of a few kinds (教务处, 人事处, 研究生院, ...), from the item's department
 * name (as ingest sends it) or, for the real training titles, from the host name of the page that published them
 * ({@code jwc.xmu.edu.cn} → 教务处): what the classifier can learn from, since names differ between schools.
 * {@code null} when nothing is known (a school's main site, a portal, a name without a telling word).
 */
public final class Departments {

    /** Kinds by the Chinese words of a department's name, first match wins (order matters: 研究生招生 is 研究生院). */
    private static final List<Map.Entry<Pattern, String>> BY_NAME = List.of(
            Map.entry(Pattern.compile("研究生|学位办"), "研究生院"),
            Map.entry(Pattern.compile("招生|招办"), "招生办"),
            Map.entry(Pattern.compile("教务|本科生院|教学事务|本科教学"), "教务处"),
            Map.entry(Pattern.compile("人事|人力资源|人才办|组织部"), "人事处"),
            Map.entry(Pattern.compile("学生工作|学工|学生处|学生部"), "学生工作部"),
            Map.entry(Pattern.compile("就业|创业"), "就业指导"),
            Map.entry(Pattern.compile("财务|计财"), "财务处"),
            Map.entry(Pattern.compile("采购|招标|招投标|资产"), "采购"),
            Map.entry(Pattern.compile("国际|外事|港澳台|留学"), "国际交流"),
            Map.entry(Pattern.compile("宣传|新闻|融媒体"), "新闻中心"),
            Map.entry(Pattern.compile("信息公开"), "信息公开"),
            Map.entry(Pattern.compile("学院|系$"), "学院"));

    /** Kinds by the first label of a school site's host name (the usual pinyin abbreviations). */
    private static final Map<String, String> BY_HOST = Map.ofEntries(
            Map.entry("jwc", "教务处"), Map.entry("jw", "教务处"), Map.entry("jiaowu", "教务处"), Map.entry("bksy", "教务处"),
            Map.entry("oaa", "教务处"), Map.entry("jwzx", "教务处"), Map.entry("undergrad", "教务处"),
            Map.entry("hr", "人事处"), Map.entry("rsc", "人事处"), Map.entry("rsch", "人事处"),
            Map.entry("yz", "研究生院"), Map.entry("yzb", "研究生院"), Map.entry("gs", "研究生院"), Map.entry("grd", "研究生院"),
            Map.entry("yjs", "研究生院"), Map.entry("yjsc", "研究生院"), Map.entry("yjsy", "研究生院"),
            Map.entry("yjsgl", "研究生院"), Map.entry("gszs", "研究生院"), Map.entry("graduate", "研究生院"),
            Map.entry("zsb", "招生办"), Map.entry("zsc", "招生办"), Map.entry("zsw", "招生办"), Map.entry("zbzs", "招生办"),
            Map.entry("zhaosheng", "招生办"),
            Map.entry("xgb", "学生工作部"), Map.entry("xgc", "学生工作部"), Map.entry("xsc", "学生工作部"),
            Map.entry("dwxsb", "学生工作部"),
            Map.entry("jyc", "就业指导"), Map.entry("zyjy", "就业指导"), Map.entry("job", "就业指导"),
            Map.entry("cwc", "财务处"), Map.entry("zcc", "采购"), Map.entry("hqcg", "采购"),
            Map.entry("news", "新闻中心"), Map.entry("xwzx", "新闻中心"),
            Map.entry("xxgk", "信息公开"), Map.entry("xxgkw", "信息公开"), Map.entry("gk", "信息公开"),
            Map.entry("gongkai", "信息公开"), Map.entry("infopub", "信息公开"),
            Map.entry("cs", "学院"), Map.entry("physics", "学院"), Map.entry("xgxy", "学院"), Map.entry("zyxy", "学院"),
            Map.entry("swxy", "学院"), Map.entry("flc", "学院"), Map.entry("zhxy", "学院"));

    private Departments() {
    }

    /** The kind of a department named in Chinese (ingest's {@code department}); null if unknown. */
    public static String ofName(String department) {
        if (department == null || department.isBlank()) {
            return null;
        }
        String d = TitleFeatures.normalize(department);
        for (Map.Entry<Pattern, String> e : BY_NAME) {
            if (e.getKey().matcher(d).find()) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The kind of the department whose site published {@code pageUrl} (a school's .edu.cn host); null if unknown. */
    public static String ofSourceUrl(String pageUrl) {
        if (pageUrl == null || !pageUrl.startsWith("http")) {
            return null;
        }
        try {
            String host = URI.create(pageUrl.strip()).getHost();
            if (host == null || !host.endsWith(".edu.cn")) {
                return null;
            }
            String first = host.toLowerCase(Locale.ROOT).split("\\.")[0];
            return BY_HOST.get(first);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
