package io.xxgk.publish.rest;

/** Checks on the text of query and path parameters. */
public final class Texts {

    private static final int SHOWN_CHARS = 64;

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

    /** The value as it may be echoed in an error: control characters escaped, at most 64 characters. */
    public static String shown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < s.length() && b.length() < SHOWN_CHARS; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return i < s.length() ? b + "…" : b.toString();
    }
}
