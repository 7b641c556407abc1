package io.xxgk.classify.service;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.event.ItemKind;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Explicit title rules for the checklist items whose wording is unmistakable (招标公告 is item 18, 部门预算 is 19).
 * A rule only fires when it is certain; everything else is left to the statistical model or to "none".
 */
public final class RuleClassifier {

    record Rule(int item, Pattern pattern, String why) {
    }

    private static final List<Rule> RULES = List.of(
            rule(6, "信息公开(工作)?(年度)?报告", "信息公开年度报告"),
            rule(19, "(部门|单位|年度)?预算(公开|信息|说明)|预算公开", "预算公开"),
            rule(20, "(部门|单位|年度)?决算(公开|信息|说明)|决算公开", "决算公开"),
            rule(18, "(招标|采购|比选|询价|磋商|竞价|遴选)(公告|公示|结果|文件)|中标(结果|候选人|公告|公示)|成交(结果|公告)|(采购|招标)项目", "采购招标"),
            rule(21, "收费(标准|项目|公示)|学费(标准)?公示", "收费"),
            rule(7, "招生章程|招生计划|招生简章|单独招生.*(章程|简章|办法)", "招生章程/计划"),
            rule(9, "录取(结果|分数|最低分|情况|查询)|录取分数线", "录取结果"),
            rule(25, "(公开)?招聘.*(公告|简章|公示|名单|成绩)|拟聘用|干部(任免|任职)|任职(前)?公示", "招聘/任免"),
            rule(33, "就业质量(年度)?报告", "就业质量年度报告"),
            rule(35, "(本科)?教学质量报告|人才培养质量(年度)?报告|质量年度报告", "质量年度报告"),
            rule(37, "(国家)?(奖学金|助学金|励志奖学金|助学贷款|勤工助学|学费减免)", "奖助学金"),
            rule(2, "章程(修订|核准)?|管理(办法|规定|细则)|实施(办法|细则)|暂行规定", "规章制度"));

    private static Rule rule(int item, String regex, String why) {
        return new Rule(item, Pattern.compile(regex), why);
    }

    private final Checklist checklist;

    public RuleClassifier(Checklist checklist) {
        this.checklist = checklist;
    }

    public Classification classify(String title, ItemKind kind) {
        String t = title == null ? "" : title.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            var m = r.pattern().matcher(t);
            if (m.find()) {
                int category = checklist.categoryOf(r.item()).orElseThrow().number();
                return new Classification(r.item(), category, 0.9, "规则 rule: " + r.why() + " ← 「" + m.group() + "」");
            }
        }
        if (kind == ItemKind.NEWS) {
            return Classification.none(0.8, "新闻动态，不属于清单事项 / news, none of the 50 items");
        }
        return Classification.none(0.6, "未命中任何清单规则 / no checklist rule matched");
    }
}
