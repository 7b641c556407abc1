package io.xxgk.publish.service.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed wording of one school's annual report, from the {@code profile.properties} files of
 * {@code report-templates/} (school over province over default): the title, the preamble with the provincial
 * notice it cites, the titles of the eight parts (教办厅函〔2018〕80号) and the disclosure office's contact.
 * Placeholders in braces ({school}, {period}, {year}, {from}, {to}, {notice}, {noticeClause}, {office}, {contact})
 * are filled by {@link #fill}; the sentences of the report (with the figures as named placeholders, {term},
 * {published} ...) by {@link #sentence}.
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

    /**
     * The text of {@code key} with its placeholders replaced in one pass (a value is never read for placeholders);
     * a placeholder without a value stays as it is. Values are written with {@code String.valueOf}: numbers as digits.
     */
    public String fill(String key, Map<String, ?> placeholders) {
        return replace(get(key), placeholders);
    }

    /** Like {@link #fill}, for a sentence of the report: the key must be in the profile (the default file has them all). */
    public String sentence(String key, Map<String, ?> placeholders) {
        if (!values.containsKey(key)) {
            throw new IllegalStateException("report profile " + sources + " has no " + key);
        }
        return fill(key, placeholders);
    }

    static String replace(String text, Map<String, ?> placeholders) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            int close = open < 0 ? -1 : text.indexOf('}', open + 1);
            if (close < 0) {
                out.append(text, at, text.length());
                break;
            }
            String name = text.substring(open + 1, close);
            out.append(text, at, open);
            if (placeholders.containsKey(name)) {
                out.append(placeholders.get(name));
            } else {
                out.append(text, open, close + 1);
            }
            at = close + 1;
        }
        return out.toString();
    }
}
