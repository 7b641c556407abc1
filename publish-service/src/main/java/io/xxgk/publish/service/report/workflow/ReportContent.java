package io.xxgk.publish.service.report.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
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
        @Schema(description = "年末数字：键如 wechatFollowers、wechatReads、meetingsHeld、mediaReports、satisfactionPercent；计数为非负整数，满意率为0-100（一位小数） / year-end figures",
                example = "{\"wechatFollowers\": 23500, \"wechatReads\": 771759, \"satisfactionPercent\": 92.5}")
        Map<String, BigDecimal> figures) {
}
