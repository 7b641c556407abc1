package io.xxgk.ingest.service.imports;

import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.ingest.service.ItemRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a register row (Chinese column headers as offices write them, or the API's English field names) to an
 * {@link ItemRequest}. Values in Chinese (类别 "采购招标公告", 渠道 "学校网站、微信公众号", 日期 "2025年3月5日") are
 * translated; anything it cannot translate is passed through so that validation names the field.
 */
public final class RegisterRowMapper {

    private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("id", List.of("编号", "序号编号", "事项编号", "id")),
            Map.entry("title", List.of("标题", "信息标题", "名称", "title")),
            Map.entry("department", List.of("发布部门", "部门", "责任部门", "department")),
            Map.entry("body", List.of("正文", "摘要", "内容", "内容摘要", "body")),
            Map.entry("kind", List.of("类别", "信息类别", "类型", "kind")),
            Map.entry("producedDate", List.of("信息生成日期", "生成日期", "成文日期", "producedDate")),
            Map.entry("publishedDate", List.of("发布日期", "公开日期", "publishedDate")),
            Map.entry("channels", List.of("公开渠道", "渠道", "公开方式", "channels")),
            Map.entry("sourceUrl", List.of("原文链接", "链接", "网址", "sourceUrl")),
            Map.entry("checklistHint", List.of("清单事项", "清单事项编号", "checklistHint")),
            Map.entry("withheld", List.of("不予公开", "withheld")),
            Map.entry("withholdReason", List.of("不予公开理由", "withholdReason")),
            Map.entry("scope", List.of("公开范围", "公开对象", "scope")));

    private static final Pattern CN_DATE = Pattern.compile("(\\d{4})\\s*[年/.-]\\s*(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})\\s*日?");

    private RegisterRowMapper() {
    }

    /** Which columns of the file were recognised (for a clear error when none are). */
    public static boolean hasRequiredColumns(Iterable<String> headers) {
        boolean title = false;
        for (String h : headers) {
            title |= COLUMNS.get("title").contains(h);
        }
        return title;
    }

    public static ItemRequest map(Map<String, String> row, String schoolCode, String defaultDepartment, String idPrefix, int rowNumber) {
        String id = value(row, "id");
        String department = value(row, "department");
        String hint = value(row, "checklistHint");
        Integer checklistHint = null;
        if (hint != null) {
            try {
                checklistHint = Integer.valueOf(hint.replaceAll("[^0-9]", ""));
            } catch (NumberFormatException e) {
                checklistHint = -1;
            }
        }
        String withheld = value(row, "withheld");
        return new ItemRequest(id != null ? id : idPrefix + "-" + rowNumber, schoolCode,
                department != null ? department : defaultDepartment, value(row, "title"), value(row, "body"),
                kind(value(row, "kind")), date(value(row, "producedDate")), date(value(row, "publishedDate")),
                channels(value(row, "channels")), value(row, "sourceUrl"), checklistHint,
                withheld == null ? null : List.of("是", "true", "yes", "y", "1", "不予公开").contains(withheld.toLowerCase(Locale.ROOT)),
                withholdReason(value(row, "withholdReason")), null, scope(value(row, "scope")));
    }

    private static String value(Map<String, String> row, String field) {
        for (String header : COLUMNS.get(field)) {
            String v = row.get(header);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    static String date(String v) {
        if (v == null) {
            return null;
        }
        Matcher m = CN_DATE.matcher(v);
        if (m.matches()) {
            return String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        return v;
    }

    static String kind(String v) {
        if (v == null) {
            return null;
        }
        for (ItemKind k : ItemKind.values()) {
            if (k.label().equals(v) || k.name().equalsIgnoreCase(v)) {
                return k.name();
            }
        }
        return v;
    }

    static List<String> channels(String v) {
        if (v == null) {
            return null;
        }
        return Arrays.stream(v.split("[、,，;；/\\s]+")).filter(s -> !s.isBlank())
                .map(s -> Channel.fromText(s).map(Channel::name).orElse(s)).toList();
    }

    /** 校内公开 / 校内 / 内部 → INTERNAL; 社会公开 / 向社会公开 → PUBLIC; anything else is left for the validator to name. */
    static String scope(String v) {
        if (v == null) {
            return null;
        }
        if (v.contains("校内") || v.contains("内部")) {
            return "INTERNAL";
        }
        if (v.contains("社会") || v.contains("公众")) {
            return "PUBLIC";
        }
        return v;
    }

    static String withholdReason(String v) {
        if (v == null) {
            return null;
        }
        if (v.contains("国家秘密")) {
            return "STATE_SECRET";
        }
        if (v.contains("商业秘密")) {
            return "COMMERCIAL_SECRET";
        }
        if (v.contains("隐私")) {
            return "PERSONAL_PRIVACY";
        }
        return v.matches("[A-Za-z_]+") ? v : "OTHER";
    }
}
