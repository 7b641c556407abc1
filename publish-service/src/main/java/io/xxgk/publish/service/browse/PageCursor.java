package io.xxgk.publish.service.browse;

import io.xxgk.publish.service.TextChecks;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * Position after the last entry of a page: its sort key (coalesce(publishedDate, producedDate), itemId). Opaque to
 * clients: base64url of {@code v1|<date>|<itemId>}. The next page starts strictly after that key, so entries that
 * arrive meanwhile with a newer date never shift the pages a client is walking.
 */
public record PageCursor(LocalDate date, String itemId) {

    private static final String VERSION = "v1";
    private static final int MAX_CHARS = 400;

    public String encode() {
        String raw = VERSION + "|" + date + "|" + itemId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the text is not a cursor this service issued. */
    public static Optional<PageCursor> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty() || parts[2].length() > 128) {
                return Optional.empty();
            }
            LocalDate date = LocalDate.parse(parts[1]);
            // a tampered cursor must not reach the database with a date it cannot hold or a NUL it refuses
            if (date.getYear() < 1 || date.getYear() > 9999 || TextChecks.hasControlCharacters(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(date, parts[2]));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
