package io.xxgk.publish.rest;

/** Checks on the text of query and path parameters. */
public final class Texts {

    private Texts() {
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
