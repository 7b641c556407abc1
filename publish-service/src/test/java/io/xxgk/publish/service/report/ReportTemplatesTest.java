package io.xxgk.publish.service.report;

import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolKind;
import io.xxgk.contract.school.StatisticsPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template files of the annual report: the school's file, then the province's, then the default (issue 11). */
class ReportTemplatesTest {

    static final School ZZSZ = new School("zzsz", "株洲师范高等专科学校", SchoolKind.VOCATIONAL, "湖南省", StatisticsPeriod.SCHOOL_YEAR, "zzsz-2024");
    static final School JCLG = new School("jclg", "荆楚理工学院", SchoolKind.UNDERGRADUATE, "湖北省", StatisticsPeriod.SCHOOL_YEAR, "national-2014");
    static final School NOWHERE = new School("nw", "某学院", SchoolKind.UNDERGRADUATE, "海南省", StatisticsPeriod.CALENDAR_YEAR, "national-2014");

    @TempDir
    Path dir;

    @Test
    void theSchoolsFileWinsOverTheProvincesWhichWinsOverTheDefault() throws Exception {
        Files.createDirectories(dir.resolve("school/zzsz"));
        Files.writeString(dir.resolve("school/zzsz/profile.properties"), "office=株洲师专党政办\nphone=0731-1\npart.7=其它需要报告的事项\n");
        Files.createDirectories(dir.resolve("province/湖南省"));
        Files.write(dir.resolve("province/湖南省/report.docx"), new byte[]{1, 2, 3});
        ReportTemplates templates = new ReportTemplates(null, Optional.of(dir.toString()));

        ReportProfile zzsz = templates.profile(ZZSZ);
        assertEquals("株洲师专党政办", zzsz.office(ZZSZ.name()));
        assertEquals("电话：0731-1", zzsz.contact());
        assertEquals("其它需要报告的事项", zzsz.partTitle(7));
        assertEquals("湖南省教育厅办公室《关于做好2022年高校信息公开年度报告工作的通知》", zzsz.notice(2022));
        assertEquals("本年度信息公开工作的新做法新举措、主要经验、问题和改进措施", zzsz.partTitle(6));
        assertEquals(List.of(dir.resolve("school/zzsz/profile.properties").toString(),
                "classpath:report-templates/province/湖南省/profile.properties", "classpath:report-templates/default/profile.properties"),
                zzsz.sources());
        assertEquals(dir.resolve("province/湖南省/report.docx").toString(), templates.docx(ZZSZ).source());

        // 荆楚理工: its own file in the jar (office and phone as its report gives them), 湖北省's notice
        ReportProfile jclg = templates.profile(JCLG);
        assertEquals("荆楚理工学院信息公开工作领导小组办公室", jclg.office(JCLG.name()));
        assertEquals("电话：0724-2355660", jclg.contact());
        assertEquals("《湖北省教育厅办公室关于做好2021年高校信息公开年度报告工作的通知》", jclg.notice(2021));
        assertEquals("classpath:report-templates/default/report.docx", templates.docx(JCLG).source());

        // a province without files: the default, no notice, no contact (the report asks the office for it)
        ReportProfile nowhere = templates.profile(NOWHERE);
        assertEquals("", nowhere.notice(2024));
        assertEquals("", nowhere.contact());
        assertEquals("某学院信息公开工作办公室", nowhere.office(NOWHERE.name()));
        for (int part = 1; part <= ReportProfile.PARTS; part++) {
            assertTrue(!nowhere.partTitle(part).isBlank());
        }
        assertEquals("因学校信息公开工作受到举报、复议、诉讼的情况", nowhere.partTitle(5));
    }

    @Test
    void placeholdersAreFilled() {
        ReportProfile p = new ReportProfile(Map.of("title", "{school}{period}信息公开工作年度报告"), List.of("test"));
        assertEquals("某学院2024年度信息公开工作年度报告", p.fill("title", Map.of("school", "某学院", "period", "2024年度")));
    }

    @Test
    void aSchoolRewordsASentenceOfTheReportWithTheFiguresAsNamedPlaceholders() throws Exception {
        Files.createDirectories(dir.resolve("school/zzsz"));
        Files.writeString(dir.resolve("school/zzsz/profile.properties"),
                "requests.none={term}，我校未收到公开申请（{school}）。\nfees.none=\n");
        ReportTemplates templates = new ReportTemplates(null, Optional.of(dir.toString()));

        ReportProfile zzsz = templates.profile(ZZSZ);
        assertEquals("本学年，我校未收到公开申请（株洲师范高等专科学校）。",
                zzsz.sentence("requests.none", Map.of("term", "本学年", "school", ZZSZ.name())));
        assertEquals("", zzsz.sentence("fees.none", Map.of("term", "本学年")));
        // the sentences the school did not override are the default's, numbers written as digits
        assertEquals("本学年，学校共主动公开信息1234条，其中，a。",
                zzsz.sentence("published.byKind", Map.of("term", "本学年", "published", 1234L, "kinds", "a")));
        ReportProfile nowhere = templates.profile(NOWHERE);
        assertEquals("本年度，学校未收到信息公开申请。", nowhere.sentence("requests.none", Map.of("term", "本年度")));
    }

    @Test
    void placeholdersAreReplacedOnceAndAMissingSentenceIsAnError() {
        ReportProfile p = new ReportProfile(Map.of("a", "{x}和{y}，{unknown}"), List.of("test"));
        // a value that looks like a placeholder is not filled again (a title may contain braces)
        assertEquals("{y}和2，{unknown}", p.sentence("a", Map.of("x", "{y}", "y", 2)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.sentence("b", Map.of()));
        assertTrue(e.getMessage().contains("has no b"), e.getMessage());
    }
}
