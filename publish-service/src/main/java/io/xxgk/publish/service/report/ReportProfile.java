package io.xxgk.publish.service.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed wording of one school's annual report, from the {@code profile.properties} files of
 * {@code report-templates/} (school over province over default): the title, the preamble with the provincial
 * notice it cites, the titles of the eight parts (教办厅函〔2018〕80号) and the disclosure office's contact.
 * Placeholders in braces ({school}, {period}, {year}, {from}, {to}, {notice}, {noticeClause}, {office}, {contact})
 * are filled by {@link #fill}.
 *
 * @param values every key of the merged files; the school's file wins
 * @param sources the files read, most specific first (for the console and the logs)
 */
public record ReportProfile(Map<String, String> values, List<String> sources) {

    public static final int PARTS = 8;

    public String get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).orElse("");
    }

    public String partTitle(int number) {
        String t = get("part." + number);
        if (t.isEmpty()) {
            throw new IllegalStateException("report profile " + sources + " has no part." + number);
        }
        return t;
    }

    /** The provincial notice cited in the preamble, for the report of {@code year}; empty when the profile has none. */
    public String notice(int year) {
        return get("notice").replace("{year}", String.valueOf(year));
    }

    public String office(String schoolName) {
        return get("office").replace("{school}", schoolName);
    }

    /** "电话：…；电子邮箱：…；地址：…" from the profile, empty when it gives none. */
    public String contact() {
        StringBuilder sb = new StringBuilder();
        for (String[] part : new String[][]{{"phone", "电话："}, {"email", "电子邮箱："}, {"address", "地址："}}) {
            String v = get(part[0]);
            if (!v.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "；").append(part[1]).append(v);
            }
        }
        return sb.toString();
    }

    /** The text of {@code key} with the given placeholders replaced. */
    public String fill(String key, Map<String, String> placeholders) {
        String text = get(key);
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }
}
