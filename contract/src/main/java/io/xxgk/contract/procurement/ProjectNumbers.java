package io.xxgk.contract.procurement;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project number (项目编号 / 招标编号 / 采购编号) of a procurement notice or its result, as real notices write it in the
 * title or the first lines of the body: "项目编号：HNJG-2021-018", "招标编号为 XYKJ2024-CG-07". A notice and its
 * result (中标/成交结果公告) carry the same number, so it links them into one project.
 *
 * <p>A number is 4 to 64 characters of ASCII letters, digits and {@code - _ / .}, with at least one digit, starting
 * and ending with a letter or digit; full-width forms (Ｈ，－，：) are read as their ASCII ones and letters are upper-cased,
 * so the notice's "hnjg－2021－018" and the result's "HNJG-2021-018" are one project. Anything else (详见附件, a
 * number written in Chinese characters) is no number: the item is counted as a notice, not as a project.
 */
public final class ProjectNumbers {

    public static final int MAX_LENGTH = 64;

    private static final String LABEL = "(?:招标项目编号|采购项目编号|政府采购编号|项目编号|招标编号|采购编号)";
    private static final String NUMBER = "(?=[A-Za-z0-9._/-]*[0-9])[A-Za-z0-9](?:[A-Za-z0-9._/-]{2,62}[A-Za-z0-9])";
    private static final Pattern LABELLED = Pattern.compile(LABEL + "\\s*(?:[:：]|为|是)?\\s*[（(]?\\s*(" + NUMBER + ")(?![A-Za-z0-9._/-])");
    private static final Pattern VALID = Pattern.compile(NUMBER);

    private ProjectNumbers() {
    }

    /** The first labelled project number in the title, else in the body. */
    public static Optional<String> extract(String title, String body) {
        Optional<String> inTitle = find(title);
        return inTitle.isPresent() ? inTitle : find(body);
    }

    /** The number as stored and compared: ASCII, upper case, trimmed; empty if it is not a project number. */
    public static Optional<String> normalise(String number) {
        if (number == null) {
            return Optional.empty();
        }
        String n = ascii(number).strip().toUpperCase(java.util.Locale.ROOT);
        return n.length() <= MAX_LENGTH && VALID.matcher(n).matches() ? Optional.of(n) : Optional.empty();
    }

    private static Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = LABELLED.matcher(ascii(text));
        while (m.find()) {
            Optional<String> n = normalise(m.group(1));
            if (n.isPresent()) {
                return n;
            }
        }
        return Optional.empty();
    }

    /** Full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space as their ASCII characters. */
    static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
