package io.xxgk.classify.model;

import io.xxgk.classify.tools.Evaluate;
import io.xxgk.contract.event.ItemKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JUnit (no Quarkus): the classifier trains in a second or two. */
class ChecklistClassifierTest {

    static ChecklistClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = ChecklistClassifier.load();
    }

    static List<TrainingData.Row> heldout() throws Exception {
        try (InputStream in = ChecklistClassifierTest.class.getClassLoader().getResourceAsStream("heldout-titles.tsv")) {
            assertNotNull(in, "heldout-titles.tsv on the test classpath");
            return TrainingData.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "heldout-titles.tsv");
        }
    }

    @Test
    void heldOutAccuracyIsAtLeast85Percent() throws Exception {
        List<TrainingData.Row> rows = heldout();
        assertTrue(rows.size() >= 140, "about 150 held-out titles, got " + rows.size());
        Evaluate.Report r = Evaluate.evaluate(classifier, rows, true, true);
        assertEquals(0, r.overlapExact(), "held-out titles must not be training titles");
        assertTrue(r.itemAccuracy() >= 0.85, "item accuracy on held-out titles " + r.itemAccuracy());
        assertTrue(r.categoryAccuracy() >= r.itemAccuracy());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "实验楼空调采购项目招标公告|18",
            "图书馆图书采购项目中标结果公告|18",
            "学生公寓维修工程成交结果公示|18",
            "2025年部门预算|19",
            "江城大学2024年度部门决算公开|20",
            "2023-2024学年信息公开工作年度报告|6",
            "2024届毕业生就业质量年度报告|33",
            "2024年本科教学质量报告|35",
            "2025年高等职业教育质量年度报告|35",
            "2025年艺术教育发展年度报告|34",
            "2025年硕士研究生拟录取名单公示|13",
            "2025年硕士研究生复试成绩公示|12",
            "2026年博士研究生招生简章|11",
            "2025年普通本科招生章程|7",
            "2025年新增本科专业名单|28",
            "关于省委巡视反馈意见整改情况的通报|49",
            "突发公共事件总体应急预案|50",
    })
    void certainCasesAreDecidedByRules(String title, int item) {
        Classification c = classifier.classify(title, null, null, null, null);
        assertEquals(item, c.checklistItem(), c.explanation());
        assertEquals(classifier.checklist().categoryOf(item).orElseThrow().number(), c.category());
        assertTrue(c.confidence() >= 0.9 && c.confidence() <= 1.0);
        assertTrue(c.explanation().startsWith("规则 rule:"), c.explanation());
    }

    @ParameterizedTest(name = "{0} → none")
    @CsvSource({
            "学校召开2025年党风廉政建设工作会议",
            "我校学子在全国大学生数学建模竞赛中获一等奖",
            "关于2025年国庆节放假安排的通知",
            "信息公开指南",
            "学校举行2025届毕业典礼暨学位授予仪式",
            "学校召开研究生招生复试工作部署会",
            "马克思主义学院开展主题党日活动",
    })
    void ordinaryNewsIsNone(String title) {
        Classification c = classifier.classify(title, null, null, null, null);
        assertNull(c.checklistItem(), c.explanation());
        assertNull(c.category());
        assertTrue(c.confidence() > 0.5, c.explanation());
    }

    @Test
    void modelExplainsWithTermsAndProbability() {
        Classification c = classifier.classify("学生学籍与转专业管理细则", null, null, null, null);
        assertEquals(36, c.checklistItem(), c.explanation());
        Classification m = classifier.classify("国家励志奖学金评审实施细则", null, null, null, null);
        assertEquals(37, m.checklistItem(), m.explanation());
        assertTrue(m.explanation().matches("模型 model: .+ → 37 \\(p=0\\.\\d\\d\\).*"), m.explanation());
    }

    @Test
    void weakHintDoesNotOverrideConfidentModel() {
        Classification plain = classifier.classify("学校举办第十届校园文化艺术节开幕式", null, null, null, null);
        Classification hinted = classifier.classify("学校举办第十届校园文化艺术节开幕式", null, "教务处", null, 28);
        assertNull(hinted.checklistItem(), hinted.explanation());
        assertTrue(plain.confidence() > 0.6);
        assertTrue(hinted.explanation().contains("部门提示 hint 28 未采纳"), hinted.explanation());

        Classification rule = classifier.classify("2025年部门预算公开", null, "财务处", ItemKind.NEWS, 20);
        assertEquals(19, rule.checklistItem(), rule.explanation());
        assertTrue(rule.explanation().contains("hint 20 未采纳"), rule.explanation());

        Classification agree = classifier.classify("2025年部门预算公开", null, "财务处", ItemKind.BUDGET, 19);
        assertTrue(agree.explanation().contains("hint 19 一致"), agree.explanation());
    }

    @Test
    void hintCanTipAnUndecidedModel() {
        // no informative words at all: the model is unsure, the hint (a factor of 2.5) decides
        String title = "有关事项的公示";
        // the raw model is unsure (calibrated, even an unsure answer is right more often than not on real titles)
        Classification plain = classifier.withCalibration(Calibration.identity()).classify(title, null, null, null, null);
        assertTrue(plain.confidence() < 0.5, plain.explanation());
        Classification hinted = classifier.classify(title, null, "人事处", ItemKind.RECRUITMENT, 25);
        assertEquals(25, hinted.checklistItem(), hinted.explanation());
        assertTrue(hinted.explanation().contains("hint 25 一致"), hinted.explanation());
    }

    @Test
    void reportedConfidenceIsTheCalibratedOne() {
        Calibration calibration = Calibration.load();
        assertTrue(!calibration.isIdentity(), "the service ships " + Calibration.RESOURCE);
        assertEquals(calibration.format(), classifier.calibration().format());
        ChecklistClassifier raw = classifier.withCalibration(Calibration.identity());

        // a rule's decision: no longer the fixed 0.97 but the share of rule decisions that were right out of fold
        Classification rule = classifier.classify("2025年部门预算公开", null, null, null, null);
        assertEquals(calibration.rule(ChecklistClassifier.RULE_CONFIDENCE), rule.confidence(), 1e-12);
        assertEquals(ChecklistClassifier.RULE_CONFIDENCE, raw.classify("2025年部门预算公开", null, null, null, null).confidence());
        assertTrue(rule.confidence() != ChecklistClassifier.RULE_CONFIDENCE, rule.explanation());

        // the model's answer: its top probability through the isotonic map, the answer itself unchanged
        for (String title : List.of("学校举办第十届校园文化艺术节开幕式", "有关事项的公示", "国家励志奖学金评审实施细则")) {
            Classification c = classifier.classify(title, null, null, null, null);
            Classification r = raw.classify(title, null, null, null, null);
            assertEquals(r.checklistItem(), c.checklistItem(), title);
            assertEquals(calibration.model(r.confidence()), c.confidence(), 1e-12, title);
        }
        // higher raw confidence never gets a lower calibrated one
        double unsure = classifier.classify("有关事项的公示", null, null, null, null).confidence();
        double sure = classifier.classify("学校举办第十届校园文化艺术节开幕式", null, null, null, null).confidence();
        assertTrue(unsure <= sure, unsure + " vs " + sure);
    }

    @Test
    void nullAndBlankInputsAreHandled() {
        Classification c = classifier.classify(null, null, null, null, null);
        assertTrue(c.confidence() >= 0 && c.confidence() <= 1);
        Classification d = classifier.classify("   ", "", "", ItemKind.OTHER, 99);
        assertTrue(d.confidence() >= 0 && d.confidence() <= 1);
        assertNotNull(d.explanation());
    }

    @Test
    void bodyHelpsOnlyAnUninformativeTitle() {
        String title = "公示";
        Classification withBody = classifier.classify(title, "根据学校招聘工作安排，现将2025年公开招聘拟聘用人员名单予以公示。", null, null, null);
        assertEquals(25, withBody.checklistItem(), withBody.explanation());
        assertTrue(withBody.explanation().contains("with body"), withBody.explanation());
    }

    @Test
    void operatorCorrectionsAreLearnedAndOverrideExactTitles() {
        String odd = "关于某某楼宇零星维修单位确定的说明";
        ChecklistClassifier corrected = ChecklistClassifier.load(List.<String[]>of(new String[] {odd, "18"},
                new String[] {"学校召开教代会第五次会议", "-"}));
        Classification c = corrected.classify(odd, null, null, null, null);
        assertEquals(18, c.checklistItem());
        assertEquals(3, c.category());
        assertTrue(c.explanation().contains("operator correction"), c.explanation());
        assertNull(corrected.classify("学校召开教代会第五次会议", null, null, null, null).checklistItem());

        assertThrows(IllegalArgumentException.class, () -> ChecklistClassifier.load(List.<String[]>of(new String[] {"x", "51"})));
        assertThrows(IllegalArgumentException.class, () -> ChecklistClassifier.load(List.<String[]>of(new String[] {"x"})));
    }

    @Test
    void threadSafeAfterLoad() throws Exception {
        List<TrainingData.Row> rows = heldout();
        List<Classification> expected = new ArrayList<>();
        for (TrainingData.Row r : rows) {
            expected.add(classifier.classify(r.title(), null, null, null, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Classification>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<Classification> out = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        out.clear();
                        for (TrainingData.Row r : rows) {
                            out.add(classifier.classify(r.title(), null, null, null, null));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<Classification>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
