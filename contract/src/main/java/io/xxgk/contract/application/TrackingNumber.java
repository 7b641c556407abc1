package io.xxgk.contract.application;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tracking number (受理编号) an applicant gets for an application made on the public site, e.g.
 * {@code YSQ20261129-7KQ4M9XA}: the day it was received and 40 random bits in Crockford's base 32 (no I, L, O, U),
 * so that numbers cannot be guessed from one another. It is the register entry's {@code recordId}.
 */
public final class TrackingNumber {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("YSQ\\d{8}-[0-9A-HJKMNP-TV-Z]{8}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumber() {
    }

    public static String next(LocalDate received) {
        StringBuilder b = new StringBuilder("YSQ").append(DAY.format(received)).append('-');
        for (int i = 0; i < 8; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** What a person typed, as a tracking number (spaces trimmed, lower case accepted), or empty if it is not one. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip().toUpperCase(Locale.ROOT);
        return t.length() <= 20 && FORMAT.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }
}
