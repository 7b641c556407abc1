package io.xxgk.publish.service;

import io.xxgk.publish.repository.StorageLimits;

import java.time.LocalDate;

/**
 * Normalises event values for PostgreSQL and rejects what it can never hold. U+0000 is stripped from text
 * (PostgreSQL refuses it in text columns, and in extracted document text it carries no meaning); keys are refused
 * instead, because stripping would change which item they name.
 */
public final class StorableValues {

    private StorableValues() {
    }

    /** The text without U+0000; null stays null. */
    public static String text(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    /** A required key: present, not blank, no control character, at most {@code maxChars}. */
    public static String key(String field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new UnstorableEventException(field, field + " is missing");
        }
        if (value.length() > maxChars) {
            throw new UnstorableEventException(field, field + " is " + value.length() + " characters; at most " + maxChars
                    + " can be stored");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new UnstorableEventException(field, field + " contains a control character");
        }
        return value;
    }

    /** Required (possibly empty) text, after stripping U+0000, of at most {@code maxChars}. */
    public static String boundedText(String field, String value, int maxChars) {
        String t = text(value);
        if (t == null) {
            throw new UnstorableEventException(field, field + " is missing");
        }
        if (t.length() > maxChars) {
            throw new UnstorableEventException(field, field + " is " + t.length() + " characters; at most " + maxChars
                    + " can be stored");
        }
        return t;
    }

    public static LocalDate date(String field, LocalDate d, boolean required) {
        if (d == null) {
            if (required) {
                throw new UnstorableEventException(field, field + " is missing");
            }
            return null;
        }
        if (d.getYear() < 1 || d.getYear() > StorageLimits.MAX_YEAR) {
            throw new UnstorableEventException(field, field + " " + d + " is outside the years 1 to " + StorageLimits.MAX_YEAR);
        }
        return d;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new UnstorableEventException(field, field + " is missing");
        }
        return value;
    }
}
