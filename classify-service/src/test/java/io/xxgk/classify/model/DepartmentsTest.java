package io.xxgk.classify.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publishing department as the model sees it: one kind, from a Chinese name or from the page's host. */
class DepartmentsTest {

    @Test
    void namesAsIngestSendsThemBecomeKinds() {
        assertEquals("教务处", Departments.ofName("教务处"));
        assertEquals("教务处", Departments.ofName("本科生院教学事务办公室"));
        assertEquals("研究生院", Departments.ofName("研究生院招生办公室"), "graduate admissions are the graduate school's");
        assertEquals("招生办", Departments.ofName("本科招生办公室"));
        assertEquals("人事处", Departments.ofName("人力资源部"));
        assertEquals("采购", Departments.ofName("采购与招标管理处"));
        assertEquals("学院", Departments.ofName("计算机科学与技术学院"));
        assertNull(Departments.ofName("校长办公室"));
        assertNull(Departments.ofName("  "));
        assertNull(Departments.ofName(null));
    }

    @Test
    void everyKindNamesItself() {
        for (String kind : List.of("教务处", "人事处", "研究生院", "招生办", "学生工作部", "就业指导", "财务处", "采购", "国际交流",
                "新闻中心", "信息公开", "学院")) {
            assertEquals(kind, Departments.ofName(kind), "the evaluation passes kinds where the service passes names");
        }
    }

    @Test
    void aSchoolSitesHostNamesItsDepartment() {
        assertEquals("教务处", Departments.ofSourceUrl("https://jwc.xmu.edu.cn/info/1063/1.htm"));
        assertEquals("人事处", Departments.ofSourceUrl("http://hr.ruc.edu.cn/zpxx/index.htm"));
        assertEquals("研究生院", Departments.ofSourceUrl("https://YZ.uestc.edu.cn/x"));
        assertNull(Departments.ofSourceUrl("https://www.sjtu.edu.cn/tg/1.html"), "a school's main site names no department");
        assertNull(Departments.ofSourceUrl("https://mp.weixin.qq.com/s/abc"), "not a school's site");
        assertNull(Departments.ofSourceUrl("github-index:2608678517"));
        assertNull(Departments.ofSourceUrl("http://jwc.example.com/"), "only .edu.cn hosts");
        assertNull(Departments.ofSourceUrl("http://[bad"));
    }

    @Test
    void theDepartmentIsOneFeatureBesidesTheTitles() {
        List<String> plain = Arrays.asList(TitleFeatures.features("关于公布考试安排的通知"));
        List<String> withDept = Arrays.asList(TitleFeatures.features("关于公布考试安排的通知", "教务处"));
        assertFalse(plain.contains("d=教务处"));
        assertTrue(withDept.contains("d=教务处"));
        assertEquals(plain.size() + 1, withDept.size());
        assertEquals(plain, Arrays.asList(TitleFeatures.features("关于公布考试安排的通知", null)));
    }

    @Test
    void aRealTitleKnowsItsDepartmentAWrittenOneDoesNot() {
        assertEquals("教务处", new TrainingData.Row("t", "-", "https://jwc.xmu.edu.cn/1.htm", "厦门大学").department());
        assertNull(new TrainingData.Row("t", "-", "cat01-basic.tsv").department());
    }
}
