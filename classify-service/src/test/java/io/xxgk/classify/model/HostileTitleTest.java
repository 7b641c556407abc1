package io.xxgk.classify.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules and model see a bounded title, through patterns without unbounded or nested quantifiers. */
class HostileTitleTest {

    /** An unbounded quantifier: *, + or {n,} (a bounded {n,m} is fine). */
    static final Pattern UNBOUNDED = Pattern.compile("(?<!\\\\)[*+]|\\{\\d+,}");

    static ChecklistClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = ChecklistClassifier.load();
    }

    @Test
    void noRulePatternHasAnUnboundedQuantifier() {
        for (ChecklistRules.Rule r : ChecklistRules.RULES) {
            assertFalse(UNBOUNDED.matcher(r.pattern().pattern()).find(), "rule " + r.item() + ": " + r.pattern().pattern());
            if (r.exclude() != null) {
                assertFalse(UNBOUNDED.matcher(r.exclude().pattern()).find(), "rule " + r.item() + " exclusion: " + r.exclude().pattern());
            }
        }
    }

    @Test
    void onlyTheFirst500CharactersOfATitleAreSeen() {
        String padding = "新闻".repeat(260); // 520 characters
        Classification beyond = classifier.classify(padding + "实验楼空调采购项目招标公告", null, null, null, null);
        assertNotEquals(Integer.valueOf(18), beyond.checklistItem(), "a rule word after character 500 is not seen: " + beyond);
        assertFalse(beyond.explanation().startsWith("规则"), beyond.explanation());

        Classification within = classifier.classify("新闻".repeat(200) + "实验楼空调采购项目招标公告", null, null, null, null);
        assertEquals(Integer.valueOf(18), within.checklistItem(), within.explanation());
    }

    @Test
    void hostileTitlesAndBodiesAreClassified() {
        String[] hostile = {
                "研究生".repeat(20_000),
                "研究生招收攻读巡视巡察同等学力".repeat(4_000),
                "<t ".repeat(20_000),
                "a".repeat(60_000),
        };
        for (String title : hostile) {
            Classification c = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> classifier.classify(title, "正文".repeat(500_000), null, null, 18));
            assertTrue(c.confidence() >= 0 && c.confidence() <= 1, c.toString());
        }
    }

    @Test
    void boundedGapsStillMatchOrdinaryTitles() {
        assertEquals(Integer.valueOf(13), classifier.classify("2025年硕士研究生拟录取名单公示", null, null, null, null).checklistItem());
        assertEquals(Integer.valueOf(11), classifier.classify("2026年博士研究生招生复试录取工作实施细则", null, null, null, null).checklistItem());
        assertEquals(Integer.valueOf(49), classifier.classify("关于省委第三巡视组反馈意见整改进展情况的通报", null, null, null, null).checklistItem());
    }
}
