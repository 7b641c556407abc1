package io.xxgk.publish.service.report.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * What the office filled into the report, replacing what was there: a key left out or null is empty. Keys are
 * {@link io.xxgk.publish.service.report.ReportField#key()}s; the console lists them with their labels.
 */
@Schema(description = "年度报告填写内容（整体替换） / the report's filled-in content (replaces the previous)")
public record ReportContent(
        @Schema(description = "文字部分：键为空白项（如 overview、experience、problems、improvements、otherMatters），值为正文，可多段（换行分段） / prose by blank",
                example = "{\"overview\": \"学校成立信息公开工作领导小组……\", \"otherMatters\": \"无\"}")
        Map<String, String> prose,
        @Schema(description = "已废止：年终数据请通过 PUT /api/v1/console/schools/{school}/year-end-figures/{year} 填报，报告从那里读取；非空时返回400 / no longer accepted: record year-end figures through the year-end API; a non-empty value is refused (400)",
                deprecated = true)
        Map<String, Object> figures) {

    /** Prose only. */
    public ReportContent(Map<String, String> prose) {
        this(prose, null);
    }
}
