package io.xxgk.classify.screening;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outcome of {@link PersonalDataScreener#screen(String)}.
 *
 * @param found      {@code true} when at least one finding was reported
 * @param findings   the findings, sorted by offset, never overlapping (unmodifiable)
 * @param maskedText the screened text with every finding replaced by its {@link Finding#masked() masked form}; the
 *                   very same instance as the input when nothing was found
 */
public record ScreeningResult(boolean found, List<Finding> findings, String maskedText) {

    public ScreeningResult {
        findings = List.copyOf(findings);
        Objects.requireNonNull(maskedText, "maskedText");
        if (found == findings.isEmpty()) {
            throw new IllegalArgumentException("found=" + found + " but " + findings.size() + " findings");
        }
    }

    /**
     * Builds the result for {@code text}, computing the masked text.
     *
     * @param findings sorted by start offset, non-overlapping, inside {@code text}
     */
    static ScreeningResult of(String text, List<Finding> findings) {
        if (findings.isEmpty()) {
            return new ScreeningResult(false, List.of(), text);
        }
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (Finding f : findings) {
            if (f.start() < pos || f.end() > text.length()) {
                throw new IllegalArgumentException("findings overlap or exceed the text: " + f);
            }
            out.append(text, pos, f.start()).append(f.masked());
            pos = f.end();
        }
        out.append(text, pos, text.length());
        return new ScreeningResult(true, findings, out.toString());
    }

    /** Number of findings of the given kind. */
    public int count(PersonalDataKind kind) {
        int n = 0;
        for (Finding f : findings) {
            if (f.kind() == kind) {
                n++;
            }
        }
        return n;
    }

    /** Number of findings per kind, only kinds that occur, in {@link PersonalDataKind} declaration order. */
    public Map<PersonalDataKind, Integer> counts() {
        Map<PersonalDataKind, Integer> counts = new EnumMap<>(PersonalDataKind.class);
        for (Finding f : findings) {
            counts.merge(f.kind(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Short bilingual summary for reviewers and logs, e.g. {@code 身份证号 2 处, 手机号 1 处 / 2 resident IDs, 1 mobile};
     * {@code 未发现个人信息 / no personal data found} when nothing was found. Contains no personal data.
     */
    public String summary() {
        if (!found) {
            return "未发现个人信息 / no personal data found";
        }
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Map.Entry<PersonalDataKind, Integer> e : counts().entrySet()) {
            if (zh.length() > 0) {
                zh.append(", ");
                en.append(", ");
            }
            int n = e.getValue();
            zh.append(e.getKey().labelZh()).append(' ').append(n).append(" 处");
            en.append(n).append(' ').append(e.getKey().labelEn(n));
        }
        return zh + " / " + en;
    }
}
