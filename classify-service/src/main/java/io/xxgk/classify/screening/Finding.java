package io.xxgk.classify.screening;

import java.util.Objects;

/**
 * One occurrence of personal data in a screened text.
 *
 * <p>The raw value is deliberately not stored, so that logging a finding (or a {@link ScreeningResult}) never leaks
 * it; whoever holds the original text can take {@code text.substring(start, end)}.
 *
 * @param kind       what was found
 * @param start      offset of the first character (inclusive, UTF-16 index into the screened text)
 * @param end        offset after the last character (exclusive)
 * @param masked     the replacement written into {@link ScreeningResult#maskedText()} for {@code [start, end)}
 * @param confidence how strongly the value was validated
 */
public record Finding(PersonalDataKind kind, int start, int end, String masked, Confidence confidence) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(confidence, "confidence");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    /** Number of characters of the original text covered by this finding. */
    public int length() {
        return end - start;
    }
}
