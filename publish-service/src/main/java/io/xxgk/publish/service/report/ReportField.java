package io.xxgk.publish.service.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the disclosure office fills into the annual report: the prose the system cannot know (the blanks of the
 * draft, as the seed reports have them: 概述, 重点领域, 保密审查, 评议, 经验, 问题, 改进措施, 其他事项 ...). The year-end
 * figures that are not items (微信公众号, 会议, 媒体报道, 培训, 满意度调查 ...) are not here: they have one source, the
 * year-end figures of the period ({@link io.xxgk.publish.service.yearend.YearEndFigure}), which the statistics and the
 * report read.
 *
 * @param hint what to write (the text of the 【待填写】 blank)
 */
public enum ReportField {

    OVERVIEW("overview", Kind.PROSE, "概述：组织领导与工作机制", "overview: organisation and procedures",
            "信息公开工作的组织领导、制度建设、工作机制（如信息公开工作领导小组、责任部门、保密审查制度）及本年度重点工作"),
    OTHER_CHANNELS("otherChannels", Kind.PROSE, "其他公开渠道", "other channels",
            "通过会议、文件、校报、宣传栏、电子显示屏、新媒体等其他渠道公开信息的情况（如官方微信推送条数、阅读量）"),
    MISSING_REASONS("missingReasons", Kind.PROSE, "未公开事项的原因", "why checklist items are missing",
            "未公开事项的原因说明（如本年度未发生、正在制定）"),
    KEY_AREAS("keyAreas", Kind.PROSE, "主动公开的主要内容和重点领域", "main content and key areas",
            "学校基本信息、招生考试、财务资产及收费、人事师资、教学质量、学生管理服务、学风建设、学位学科、对外交流与合作等重点领域信息的公开情况"),
    CONFIDENTIALITY_REVIEW("confidentialityReview", Kind.PROSE, "保密审查与不予公开", "confidentiality review and withholding",
            "保密审查工作情况；不予公开信息的主要类别及依据"),
    EVALUATION("evaluation", Kind.PROSE, "对信息公开的评议情况", "evaluation by staff, students and the public",
            "通过教职工代表大会、座谈会、问卷调查、校长信箱等渠道收集的师生员工和社会公众对学校信息公开工作的评议方式、参与情况和评议结果"),
    APPEALS_HANDLING("appealsHandling", Kind.PROSE, "举报、复议、诉讼的处理", "how complaints, reviews and lawsuits were handled",
            "举报（投诉）、复议、诉讼的主要事由及处理、整改情况"),
    NEW_PRACTICES("newPractices", Kind.PROSE, "新做法新举措", "new practices and measures",
            "本年度信息公开工作的新做法、新举措（如新的公开平台、公开方式、制度或工作机制）"),
    EXPERIENCE("experience", Kind.PROSE, "主要经验", "main experience", "本年度信息公开工作的主要经验和做法"),
    PROBLEMS("problems", Kind.PROSE, "存在的主要问题", "main problems", "存在的主要问题"),
    IMPROVEMENTS("improvements", Kind.PROSE, "改进措施", "improvements", "下一步改进措施"),
    OTHER_MATTERS("otherMatters", Kind.PROSE, "其他需要报告的事项", "other matters", "其他需要报告的事项；如无，填写“无”"),
    /** Asked only when the school's report profile (report-templates) gives no phone or e-mail of the office. */
    OFFICE_CONTACT("officeContact", Kind.PROSE, "信息公开工作办公室联系方式", "the disclosure office's contact",
            "信息公开工作办公室的联系电话、电子邮箱");


    /** Text of at most {@link #MAX_PROSE_CHARS} characters. */
    public enum Kind { PROSE }

    public static final int MAX_PROSE_CHARS = 20_000;

    private final String key;
    private final Kind kind;
    private final String label;
    private final String labelEn;
    private final String hint;

    ReportField(String key, Kind kind, String label, String labelEn, String hint) {
        this.key = key;
        this.kind = kind;
        this.label = label;
        this.labelEn = labelEn;
        this.hint = hint;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public String hint() {
        return hint;
    }

    public boolean prose() {
        return kind == Kind.PROSE;
    }

    public static Optional<ReportField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static List<ReportField> proseFields() {
        return Arrays.stream(values()).filter(ReportField::prose).toList();
    }
}
