package io.xxgk.ingest.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One disclosure item as a department posts it. Dates and enums arrive as text so that a bad value is
 * reported against its field instead of failing the whole body. The per-field rules are constraints here;
 * {@link ItemValidator} checks them with the rules that depend on the school, sizes or other fields.
 */
@Schema(description = "一条信息公开事项 / one disclosure item")
public record ItemRequest(
        @Schema(description = "客户端生成的唯一编号（幂等键）/ client-chosen id, the idempotency key", example = "zzsz-cg-2025-0012", required = true)
        @NotBlank(message = "编号 id 不能为空 / id is required (the client's idempotency key)")
        @Pattern(regexp = ItemRequest.ID_PATTERN,
                message = "编号 id 只能包含字母、数字和 . _ : -，长度 1-128 / id must be 1-128 letters, digits or . _ : -, starting with a letter or digit")
        String id,
        @Schema(description = "学校代码 / school code", example = "zzsz", required = true)
        @NotBlank(message = "学校代码 schoolCode 不能为空 / schoolCode is required")
        String schoolCode,
        @Schema(description = "发布部门 / posting department", example = "采购与招标管理处", required = true)
        @NotBlank(message = "发布部门 department 不能为空 / department is required")
        String department,
        @Schema(description = "标题 / title", example = "2025年水电耗材采购项目招标公告", required = true)
        @NotBlank(message = "标题 title 不能为空 / title must not be missing or blank")
        String title,
        @Schema(description = "正文或摘要 / body or summary", example = "本项目采用公开招标方式，欢迎符合条件的供应商参加投标。")
        String body,
        @Schema(description = "信息类别 / kind", example = "PROCUREMENT_NOTICE")
        String kind,
        @Schema(description = "信息生成日期 / date the information was produced (ISO)", example = "2025-03-03")
        String producedDate,
        @Schema(description = "发布日期 / date published (ISO)", example = "2025-03-05")
        String publishedDate,
        @Schema(description = "公开渠道 / channels", example = "[\"WEBSITE\", \"WECHAT\"]")
        List<String> channels,
        @Schema(description = "原文链接 / source URL", example = "https://www.example.edu.cn/info/1012/3456.htm")
        String sourceUrl,
        @Schema(description = "部门建议的清单事项编号 (1-50) / department's checklist-item hint", example = "18")
        @Min(value = 1, message = "清单事项编号应在 1 到 50 之间 / checklistHint must be between 1 and 50")
        @Max(value = 50, message = "清单事项编号应在 1 到 50 之间 / checklistHint must be between 1 and 50")
        Integer checklistHint,
        @Schema(description = "不予公开 / withheld")
        Boolean withheld,
        @Schema(description = "不予公开理由 / legal reason: STATE_SECRET, COMMERCIAL_SECRET, PERSONAL_PRIVACY, OTHER")
        String withholdReason,
        @Schema(description = "附件编号（先上传 POST /api/v1/attachments）/ ids of uploaded attachments",
                example = "[\"3f2b8c1e-4a5d-4e8f-9b0a-1c2d3e4f5a6b\"]")
        List<@NotNull(message = "附件编号不能为空 / attachment id must not be null") String> attachments,
        @Schema(description = "公开范围 / scope: PUBLIC 社会公开 (default) or INTERNAL 校内公开 (OA only, never on a public page)",
                example = "PUBLIC")
        String scope) {

    /** An item id: the client's idempotency key, in the body and in paths. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    public ItemRequest withId(String newId) {
        return new ItemRequest(newId, schoolCode, department, title, body, kind, producedDate, publishedDate, channels,
                sourceUrl, checklistHint, withheld, withholdReason, attachments, scope);
    }
}
