package io.xxgk.console.service;

import io.xxgk.console.client.YearEndFiguresClient.Figure;
import io.xxgk.console.client.YearEndFiguresClient.Key;
import io.xxgk.contract.api.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The report form's year-end figures as publish's year-end API takes them (the one source the report reads): 株洲师范's
 * 2021-2022 figures as its seed report writes them (官微推文235余期、粉丝数23500人, 党委会10余次, 自查).
 */
class YearEndFormTest {

    static final List<Key> KEYS = List.of(
            new Key("wechatPosts", "NEW_MEDIA", "新媒体", "微信公众号推送信息", "WeChat posts", "COUNT", "条"),
            new Key("wechatFollowers", "NEW_MEDIA", "新媒体", "微信公众号关注人数", "WeChat followers", "COUNT", "人"),
            new Key("partyCommitteeMeetings", "MEETINGS", "会议公开", "党委会", "party committee meetings", "COUNT", "次"),
            new Key("surveySatisfactionPercent", "SURVEY", "满意度调查", "满意度调查满意率", "survey satisfaction", "PERCENT", "%"),
            new Key("selfInspectionTimeliness", "SELF_INSPECTION", "信息公开自查", "更新及时性", "timeliness of updates", "TEXT", null),
            new Key("weiboPosts", "NEW_MEDIA", "新媒体", "官方微博发布信息", "Weibo posts", "COUNT", "条"));

    static Map<String, String> form(String... pairs) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            f.put(pairs[i], pairs[i + 1]);
        }
        return f;
    }

    @Test
    void whatTheOfficeTypesBecomesTheYearEndBody() {
        Map<String, Object> body = YearEndForm.body(KEYS, form(
                "prose.overview", "不是年终数据",
                "figures.wechatPosts", "235余",
                "figures.wechatFollowers", " 23,500 ",
                "figures.partyCommitteeMeetings", "10余次",
                "figures.surveySatisfactionPercent", "92.5%",
                "figures.selfInspectionTimeliness", " 部分事项更新不及时，已列表督办 ",
                "figures.weiboPosts", ""));
        assertEquals(Map.of(
                "wechatPosts", Map.of("value", 235L, "approximate", true),
                "wechatFollowers", 23500L,
                "partyCommitteeMeetings", Map.of("value", 10L, "approximate", true),
                "surveySatisfactionPercent", new BigDecimal("92.5"),
                "selfInspectionTimeliness", "部分事项更新不及时，已列表督办"), body);
        assertEquals(List.of("wechatPosts", "wechatFollowers", "partyCommitteeMeetings", "surveySatisfactionPercent",
                "selfInspectionTimeliness"), List.copyOf(body.keySet()), "in the keys' order; an empty input is left out");
    }

    @Test
    void whatIsNoNumberGoesAsTypedSoPublishNamesTheField() {
        assertEquals(Map.of("wechatFollowers", "很多", "surveySatisfactionPercent", new BigDecimal("92.55")),
                YearEndForm.body(KEYS, form("figures.wechatFollowers", "很多", "figures.surveySatisfactionPercent", "92.55")));
        List<FieldError> onForm = YearEndForm.onForm(List.of(
                new FieldError("wechatFollowers", "not-a-count", "wechatFollowers must be a whole number", "应为整数"),
                new FieldError("X-Xxgk-Actor-Role", "forbidden", "no", "不可")), KEYS);
        assertEquals("figures.wechatFollowers", onForm.get(0).field());
        assertEquals("应为整数", onForm.get(0).messageZh());
        assertEquals("X-Xxgk-Actor-Role", onForm.get(1).field());
    }

    @Test
    void storedFiguresShowAsTypedAndAnUnchangedFormIsNoChange() {
        List<Figure> stored = List.of(
                new Figure("wechatPosts", "COUNT", 235L, null, null, true),
                new Figure("wechatFollowers", "COUNT", 23500L, null, null, false),
                new Figure("surveySatisfactionPercent", "PERCENT", null, new BigDecimal("90.0"), null, false),
                new Figure("selfInspectionTimeliness", "TEXT", null, null, "部分事项更新不及时", false));
        assertEquals(List.of("235余", "23500", "90", "部分事项更新不及时"), stored.stream().map(YearEndForm::shown).toList());

        Map<String, String> unchanged = form("figures.wechatPosts", "235余", "figures.wechatFollowers", "23500",
                "figures.surveySatisfactionPercent", "90", "figures.selfInspectionTimeliness", "部分事项更新不及时",
                "figures.weiboPosts", "");
        assertEquals(YearEndForm.body(stored), YearEndForm.body(KEYS, unchanged));
        Map<String, String> changed = new LinkedHashMap<>(unchanged);
        changed.put("figures.wechatFollowers", "23501");
        assertNotEquals(YearEndForm.body(stored), YearEndForm.body(KEYS, changed));
    }
}
