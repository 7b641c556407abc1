package io.xxgk.classify.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title rules for the cases whose wording is certain (招标公告 is item 18, 部门决算 is item 20, 信息公开指南 is none of the
 * 50). A rule fires only on the title, only when its pattern matches and its exclusion does not; the first rule that
 * fires wins. Anything uncertain is left to the statistical model. No pattern has an unbounded or nested quantifier,
 * and the classifier passes at most {@link ChecklistClassifier#TITLE_CHARS} characters.
 */
public final class ChecklistRules {

    /** Item number 0 means "none of the 50". */
    public record Rule(int item, Pattern pattern, Pattern exclude, String why) {
    }

    public record Hit(int item, String why, String matched) {
        public boolean none() {
            return item == 0;
        }
    }

    /** Titles that report on an event (a meeting, a training) rather than being the disclosed item itself. */
    private static final String EVENT = "召开|举办|举行|开展|培训|会议|研讨|座谈|部署|动员|推进会|编制工作|报送|撰写|填报|讲座|宣讲|仪式|典礼";

    /**
     * Any characters between two parts of a rule, bounded: with {@code .*} a title repeating the first part is matched
     * in quadratic time (and nested {@code .*} in cubic); a bounded gap keeps every rule linear in the title's length.
     */
    static final String GAP = ".{0,60}";

    static final List<Rule> RULES = List.of(
            rule(0, "信息公开(指南|目录|意见箱|申请表|专栏说明)|依申请公开(信息)?(须知|流程|办理)", null, "信息公开栏目页面 disclosure-column page"),
            rule(6, "信息公开(工作)?(年度)?(报告|年报)", EVENT + "|通知|培训", "信息公开年度报告 annual disclosure report"),
            rule(20, "(部门|单位|年度?|财务)决算|决算(公开|信息|说明|总表|表)|(收支|收入|支出)决算", EVENT + "|通知|审计|编报", "决算 final accounts"),
            rule(19, "(部门|单位)预算|预算(公开|信息公开|说明)|(收支|收入|支出)预算(总)?表|财政拨款支出预算", EVENT + "|通知|执行|绩效|管理办法|编制", "预算 budget"),
            rule(18, "(招标|采购|磋商|询价|竞价|比选|谈判|来源)(公告|公示|结果|文件)|中标|成交(结果|公告|候选)|(流标|废标|终止|更正|澄清)公告|采购(意向|需求)|招标控制价|资格预审",
                    EVENT + "|管理办法|实施细则|管理规定|廉洁", "采购招投标 procurement"),
            rule(33, "就业质量(年度)?(报告|年报)", EVENT + "|通知", "就业质量年度报告 employment quality report"),
            rule(34, "艺术教育(发展)?(年度)?(报告|年报)", EVENT + "|通知", "艺术教育发展年度报告 arts education report"),
            rule(35, "本科教学质量(年度)?报告|人才培养质量(年度)?报告|(职业|高职|高等职业)教育质量(年度)?(报告|年报)|教学质量报告|质量年报",
                    EVENT + "|通知|研究生", "教学质量报告 teaching quality report"),
            rule(13, "(研究生|硕士|博士|推免|直博|硕博|mba|mpa)" + GAP + "拟录取|拟录取" + GAP + "(研究生|硕士|博士)", EVENT, "拟录取研究生名单 graduate admission list"),
            rule(12, "(研究生|硕士|博士)" + GAP + "(复试|综合考核)(成绩|结果)", EVENT, "研究生复试成绩 graduate interview scores"),
            rule(11, "(研究生|硕士|博士)" + GAP + "(招生简章|招生专业目录|调剂(公告|信息|通知))"
                            + "|(研究生|硕士|博士)" + GAP + "复试录取" + GAP + "(办法|细则|方案)"
                            + "|(研究生|硕士|博士)" + GAP + "招生" + GAP + "实施(办法|细则)"
                            + "|招收攻读" + GAP + "学位研究生",
                    EVENT + "|工作会", "研究生招生简章/目录/复试办法 graduate admissions rules"),
            rule(7, "招生章程", "研究生|" + EVENT, "招生章程 admissions charter"),
            rule(49, "巡视" + GAP + "(反馈|整改)|巡察" + GAP + "整改", "动员|部署|培训|学习", "巡视整改 inspection follow-up"),
            rule(28, "(新增|停招|停止招生|撤销|增设|暂停招生).{0,12}专业|专业设置|专业备案|专业(目录|一览)|专业(设置)?申请(表|书)",
                    "学位|授权|研究生|转专业|辅修|" + EVENT, "专业设置/新增/停招 programme setup"),
            rule(50, "应急(处置)?预案", EVENT + "|演练", "应急预案 emergency plan"),
            rule(36, "学籍管理", "留学生|国际学生|" + EVENT, "学籍管理 student status rules"),
            rule(39, "学生申诉|研究生申诉", EVENT, "学生申诉 student appeals"),
            rule(42, "学术不端", EVENT + "|教育", "学术不端查处 academic misconduct"),
            rule(44, "同等学力" + GAP + "(申请|学位|资格)", EVENT, "同等学力 equivalent-education degree"),
            rule(40, "学风建设.{0,4}(委员会|领导小组|机构)", EVENT + "|活动|表彰", "学风建设机构 academic-integrity body"),
            rule(47, "中外合作办学", "招生计划|录取|" + EVENT, "中外合作办学 Sino-foreign cooperation"));

    private static Rule rule(int item, String regex, String exclude, String why) {
        return new Rule(item, Pattern.compile(regex), exclude == null ? null : Pattern.compile(exclude), why);
    }

    private ChecklistRules() {
    }

    /** The first certain rule that fires on {@code normalizedTitle}, if any. */
    public static Optional<Hit> match(String normalizedTitle) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(normalizedTitle);
            if (m.find() && (r.exclude() == null || !r.exclude().matcher(normalizedTitle).find())) {
                return Optional.of(new Hit(r.item(), r.why(), m.group()));
            }
        }
        return Optional.empty();
    }
}
