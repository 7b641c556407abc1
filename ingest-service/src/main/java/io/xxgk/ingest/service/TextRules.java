package io.xxgk.ingest.service;

import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.api.Problem.FieldError;

import java.util.List;

/**
 * What every text a client sends must satisfy before it is stored or put into an event: no C0 control
 * character other than tab, line feed and carriage return (PostgreSQL refuses NUL; JSON escapes the others
 * sixfold), no unpaired surrogate (not encodable as UTF-8), and a limit in UTF-8 bytes, the unit that the
 * database, Kafka's max.request.size and the consumers count in.
 */
public final class TextRules {

    private TextRules() {
    }

    /** UTF-8 length without encoding; an unpaired surrogate counts as the 3 bytes of its replacement. */
    public static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Index of the first character that may not be stored, or -1. */
    public static int firstForbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Adds an error for {@code field} when {@code value} has a forbidden character or more than {@code maxBytes}
     * UTF-8 bytes; true when the value is acceptable (or null).
     */
    public static boolean check(String field, String value, long maxBytes, List<FieldError> errors) {
        if (value == null) {
            return true;
        }
        int bad = firstForbidden(value);
        if (bad >= 0) {
            String code = String.format("U+%04X", (int) value.charAt(bad));
            errors.add(new FieldError(field, "control-character",
                    field + " contains the character " + code + " at position " + bad + "; control characters other than tab and"
                            + " line breaks are not allowed",
                    field + " 在第 " + bad + " 个字符处含有不允许的控制字符 " + code + "（只允许制表符和换行）"));
            return false;
        }
        long bytes = utf8Length(value);
        if (bytes > maxBytes) {
            errors.add(new FieldError(field, "too-large", field + " is " + bytes + " bytes in UTF-8; at most " + maxBytes,
                    field + " 为 " + bytes + " 字节（UTF-8），超过上限 " + maxBytes + " 字节"));
            return false;
        }
        return true;
    }

    /** {@link #check} for a single value, throwing a 400 problem when it fails. */
    public static void require(String field, String value, long maxBytes) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!check(field, value, maxBytes, errors)) {
            throw ProblemException.invalid(errors);
        }
    }
}
