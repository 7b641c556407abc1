package io.xxgk.classify.screening;

import java.time.LocalDate;

/**
 * The number rules of {@link PersonalDataScreener}: whether a run of digits is a valid resident ID (province code,
 * birth date, ISO 7064 MOD 11-2 check character) or a plausible bank card (issuer prefix and Luhn check).
 */
final class PersonalNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARS = "10X98765432";

    /** 18-character resident ID: province, birth date in [1900-01-01, today], MOD 11-2 check character. */
    static boolean isValidResidentId18(String id, LocalDate today) {
        if (id.length() != 18 || !isProvince(id) || !isAsciiDigits(id, 0, 17)) {
            return false;
        }
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        if (!isRealDate(year, month, day) || LocalDate.of(year, month, day).isAfter(today)) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == residentIdCheckChar(id);
    }

    /** 15-digit (pre-1999) resident ID: province and birth date 19YYMMDD. */
    static boolean isValidResidentId15(String id) {
        if (id.length() != 15 || !isProvince(id) || !isAsciiDigits(id, 0, 15)) {
            return false;
        }
        int year = 1900 + Integer.parseInt(id.substring(6, 8));
        int month = Integer.parseInt(id.substring(8, 10));
        int day = Integer.parseInt(id.substring(10, 12));
        return isRealDate(year, month, day);
    }

    /** ISO 7064 MOD 11-2 check character over the first 17 digits of {@code id}. */
    static char residentIdCheckChar(CharSequence id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK_CHARS.charAt(sum % 11);
    }

    private static boolean isProvince(String id) {
        int p = (id.charAt(0) - '0') * 10 + (id.charAt(1) - '0');
        return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46)
                || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || p == 81 || p == 82 || p == 83;
    }

    private static boolean isRealDate(int year, int month, int day) {
        if (year < 1900 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** Plausible issuer identification number for a 16-19 digit card; see the class documentation. */
    static boolean hasCardIssuerPrefix(String digits) {
        int len = digits.length();
        if (len < 16 || len > 19) {
            return false;
        }
        char c0 = digits.charAt(0);
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (c0 == '4' || c0 == '6' || two == 35 || two == 95) {
            return true;
        }
        return len == 16 && ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720));
    }

    /** Luhn (mod 10) check over a string of ASCII digits. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    private static boolean isAsciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private PersonalNumbers() {
    }
}
