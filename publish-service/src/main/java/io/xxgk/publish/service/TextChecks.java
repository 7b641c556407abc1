package io.xxgk.publish.service;

/** Checks on text that reaches the database from a request: ids, departments, keywords, cursors. */
public final class TextChecks {

    private TextChecks() {
    }

    /**
     * True when the text has a control character (U+0000-U+001F, U+007F-U+009F) or an unpaired surrogate: never part of
     * a school code, id, department, keyword or province, and PostgreSQL refuses U+0000 outright.
     */
    public static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
