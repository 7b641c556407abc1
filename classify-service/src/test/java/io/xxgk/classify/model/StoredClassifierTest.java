package io.xxgk.classify.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JUnit: a classifier written to bytes (what the database stores once) answers as the one that was trained. */
class StoredClassifierTest {

    static final String CORRECTED = "关于二〇二六年春季校园开放日活动安排的通知";
    static ChecklistClassifier trained;
    static byte[] bytes;

    @BeforeAll
    static void train() {
        trained = ChecklistClassifier.load(List.<String[]>of(new String[]{CORRECTED, "30"}));
        bytes = trained.toBytes();
    }

    @Test
    void theLoadedClassifierGivesTheSameAnswersAndConfidences() {
        ChecklistClassifier loaded = ChecklistClassifier.fromBytes(bytes);
        assertEquals(trained.trainingRows(), loaded.trainingRows());
        assertEquals(trained.usesDepartment(), loaded.usesDepartment(), "the stored model keeps its features");
        assertEquals(1, loaded.corrections());
        for (String title : List.of("2025年部门预算公开", "我校举办2025年迎新晚会", "关于公布2025年硕士研究生招生复试分数线的通知",
                "学生学籍与转专业管理细则", "有关事项的公示", "人事处关于2025年公开招聘专任教师的公告", CORRECTED)) {
            Classification a = trained.classify(title, null, "教务处", null, null);
            Classification b = loaded.classify(title, null, "教务处", null, null);
            assertEquals(a, b, title);
        }
        assertEquals(30, loaded.classify(CORRECTED, null, null, null, null).checklistItem(), "the correction travels with the model");
    }

    @Test
    void aModelTrainedWithoutTheDepartmentIsLoadedWithoutIt() {
        List<TrainingData.Row> rows = List.of(new TrainingData.Row("2025年部门预算", "19", "t"),
                new TrainingData.Row("迎新晚会", "-", "t"), new TrainingData.Row("教师招聘公告", "25", "t"));
        ChecklistClassifier titleOnly = ChecklistClassifier.fromBytes(ChecklistClassifier.trainOn(rows, false).toBytes());
        ChecklistClassifier withDept = ChecklistClassifier.fromBytes(ChecklistClassifier.trainOn(rows, true).toBytes());
        assertEquals(false, titleOnly.usesDepartment());
        assertEquals(true, withDept.usesDepartment());
    }

    @Test
    void writingTwiceGivesTheSameBytesOfTheModel() {
        assertArrayEquals(bytes, ChecklistClassifier.fromBytes(bytes).toBytes());
    }

    @Test
    void bytesThatAreNotAStoredClassifierAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChecklistClassifier.fromBytes(new byte[]{1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> ChecklistClassifier.fromBytes(new byte[0]));
    }

    @Test
    void theDataDigestIsStableAndNamesTheFormat() {
        String d = ChecklistClassifier.dataDigest();
        assertEquals(d, ChecklistClassifier.dataDigest());
        assertTrue(d.matches("[0-9a-f]{64}"), d);
        assertNotEquals("", ChecklistClassifier.FORMAT);
    }
}
