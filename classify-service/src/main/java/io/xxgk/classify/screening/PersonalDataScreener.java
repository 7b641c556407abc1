package io.xxgk.classify.screening;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data (resident ID numbers, mobile numbers, bank card numbers, personal e-mail addresses) in Chinese
 * text and masks it, so that nothing carrying personal data reaches a public endpoint unmasked. Pure Java, immutable
 * and thread-safe; create one and share it.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>Input normalisation.</b> Full-width ASCII (０-９, Ａ-Ｚ, ＠, ＋, （）…) and exotic spaces/dashes (U+3000, NBSP,
 * U+2010-U+2013, U+2212) are folded one character to one character before matching, so offsets always refer to the
 * original text. Only the findings are replaced; everything else (including Chinese punctuation) is kept verbatim.
 * Masked values are written with ASCII digits.</li>
 * <li><b>Resident ID, 18 characters</b> (GB 11643-1999): not adjacent to another digit; first two digits a province
 * code (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, and 71/81/82/83 for Taiwan, Hong Kong, Macao and the residence
 * permits of their residents); birth date a real date from 1900-01-01 to today; ISO 7064 MOD 11-2 check character
 * (0-9, X or x). Confidence {@link Confidence#HIGH}. Masked as first 4 + one * per hidden character + last 4:
 * {@code 4301**********1234}.</li>
 * <li><b>Resident ID, 15 digits</b> (issued before 1999): same province rule, birth date 19YYMMDD must be real; there is
 * no check digit, hence {@link Confidence#LOW}, but it is still masked: {@code 4301*******1234}.</li>
 * <li><b>Mobile</b>: {@code 1[3-9]} followed by 9 digits, optionally written 3-4-4 with a space or dash between the
 * groups ({@code 138-1234-5678}, {@code 138 1234 5678}), optionally prefixed by {@code +86}, {@code 0086},
 * {@code 86} or {@code (+86)} (with an optional space or dash). The whole thing must not be adjacent to another digit,
 * which excludes longer numbers. Words in front (编号, No., 订单…) do not matter: such a number is still flagged, because
 * a false positive only costs a masked number while a false negative publishes one. Office landlines
 * ({@code 0731-12345678}, {@code 400-…}) never match since they do not start with 1[3-9] followed by 9 digits. Masked
 * as prefix (as written) + first 3 + {@code ****} + last 4, separators dropped: {@code +86 138****5678}.</li>
 * <li><b>Bank card</b>: 16-19 digits, either contiguous or in groups of four separated by one consistent space or dash
 * (last group 1-3 digits for 17-19-digit cards; a grouped card must not continue with more separated digits, which
 * keeps tables of four-digit amounts out); the Luhn check must pass <em>and</em> the number must start with a
 * plausible issuer prefix: {@code 4} (Visa), {@code 51-55} and {@code 2221-2720} (Mastercard, 16 digits only),
 * {@code 35} (JCB), {@code 6} (UnionPay 62, Discover 60/64/65, domestic 6-series debit cards) or {@code 95} (legacy
 * domestic debit cards: ICBC 9558, ABC 95599, CMB 9555). Numbers starting with 0, 1, 7, 8, most 2/3 and other 9
 * prefixes are not cards: this keeps date-based order numbers (2024…) and unified social credit codes of public
 * institutions (12…) out. {@link Confidence#MEDIUM}. Masked as first 4 + one * per hidden digit + last 4, separators
 * dropped: {@code 6222********7897}.</li>
 * <li><b>E-mail</b>: ASCII address (local part up to 64 characters). Addresses whose local part is an office
 * mailbox are public contact data and are not reported: the local part is split at {@code . _ - +}, trailing digits
 * are stripped from each token, and if every token is an office word ({@link #DEFAULT_OFFICE_MAILBOXES}, e.g.
 * {@code zsb}, {@code xxgk}, {@code jwc2024}, {@code office}, {@code zsb.office}) the address is skipped whatever its
 * domain. Everything else (names, QQ numbers, phone numbers as local part) is personal: masked as first character of
 * the local part + {@code ***} (fixed, so the length is not revealed) + {@code @domain}: {@code z***@example.com}.</li>
 * </ul>
 *
 * <h2>Overlaps</h2>
 * All kinds are detected independently; where candidates overlap, the longer span wins and on equal spans the
 * priority RESIDENT_ID &gt; BANK_CARD &gt; MOBILE &gt; EMAIL decides. So an 18-digit ID that also passes Luhn is reported
 * once, as RESIDENT_ID, and {@code 13812345678@163.com} is one EMAIL.
 *
 * <h2>Performance</h2>
 * Patterns are compiled once; all are anchored by look-behinds so that each run of digits / address characters is
 * attempted from its start only, and quantifiers are bounded (possessive for e-mail local parts), so there is no
 * catastrophic backtracking. One pass per kind.
 */
public final class PersonalDataScreener {

    /**
     * Local-part words that designate an office (or technical) mailbox, not a person. All lower case. Two-letter
     * abbreviations (团委 tw, 校办 xb …) are deliberately absent: they collide with the initials of persons.
     */
    public static final Set<String> DEFAULT_OFFICE_MAILBOXES = Set.of(
            // generic
            "admin", "administrator", "info", "contact", "office", "service", "support", "help", "helpdesk",
            "webmaster", "postmaster", "hostmaster", "web", "mail", "news", "press", "media", "noreply", "no",
            "reply", "donotreply", "hr", "job", "jobs", "career", "careers", "hotline", "feedback", "public",
            // pinyin words
            "zhaosheng", "zhaopin", "jiuye", "gongkai", "xinxigongkai", "tousu", "jubao", "xinfang", "xiaoban",
            "tuanwei", "jiwei", "library", "lib",
            // 高校机关部门拼音缩写
            "xxgk", "zsb", "zsc", "zsjy", "zjc", "zsjyc", "jyzx", "jyc", "jwc", "jwb", "jwch", "rsc", "rsb", "cwc",
            "cwb", "bgs", "dzb", "dwbgs", "xzbgs", "dwb", "zzb", "xcb", "tzb", "xgb", "xsc", "yjsy", "yjs", "yjsb",
            "kyc", "kjc", "gjc", "gjb", "wsc", "gjjl", "zcc", "sbc", "zbb", "zbzx", "cgzx", "cgb", "sjc", "sjb", "jjc",
            "bwc", "bwb", "hqc", "hqb", "hqjt", "ltc", "lgb", "xtw", "xgh", "xfb", "xfc", "fzc", "fgc", "ghc", "xxzx",
            "wlzx", "nic", "xzxx", "sjxx", "dwxx", "jdxx", "jdjb", "jxb", "xlzx", "xzb");

    private static final Pattern RESIDENT_ID_18 = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
    private static final Pattern RESIDENT_ID_15 = Pattern.compile("(?<![0-9])[0-9]{15}(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9])((?:\\+|00)?86[ -]?|\\(\\+?86\\)[ -]?)?(1[3-9][0-9])[ -]?[0-9]{4}[ -]?([0-9]{4})(?![0-9])");
    private static final Pattern BANK_CARD = Pattern.compile(
            "(?<![0-9])(?:[0-9]{16,19}"
                    + "|(?<![0-9][ -])[0-9]{4}([ -])[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}(?:\\1[0-9]{1,3})?(?![ -][0-9]))"
                    + "(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+\\-])([A-Za-z0-9._%+\\-]{1,64}+)@"
                    + "((?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24})");
    private static final Pattern LOCAL_PART_SEPARATORS = Pattern.compile("[._+\\-]");

    /** Overlap priority, lower wins (used only between candidates of equal length). */
    private static final Map<PersonalDataKind, Integer> PRIORITY = Map.of(
            PersonalDataKind.RESIDENT_ID, 0,
            PersonalDataKind.BANK_CARD, 1,
            PersonalDataKind.MOBILE, 2,
            PersonalDataKind.EMAIL, 3);

    private final Clock clock;
    private final Set<String> officeMailboxes;

    /** Screener using the current date in Asia/Shanghai and {@link #DEFAULT_OFFICE_MAILBOXES}. */
    public PersonalDataScreener() {
        this(Clock.system(ZoneId.of("Asia/Shanghai")), DEFAULT_OFFICE_MAILBOXES);
    }

    /**
     * @param clock           gives "today", the latest acceptable birth date of a resident ID
     * @param officeMailboxes lower-case local-part words of office mailboxes whose addresses are not reported
     */
    public PersonalDataScreener(Clock clock, Set<String> officeMailboxes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.officeMailboxes = Set.copyOf(officeMailboxes);
    }

    /** Screens {@code text} and returns the findings together with the masked text. */
    public ScreeningResult screen(String text) {
        Objects.requireNonNull(text, "text");
        String folded = fold(text);
        LocalDate today = LocalDate.now(clock);
        List<Finding> candidates = new ArrayList<>();
        findResidentIds(folded, today, candidates);
        findMobiles(folded, candidates);
        findBankCards(folded, candidates);
        findEmails(folded, candidates);
        return ScreeningResult.of(text, resolveOverlaps(candidates));
    }

    /** Shortcut for {@code screen(text).maskedText()}: the text itself when it carries no personal data. */
    public String mask(String text) {
        return screen(text).maskedText();
    }

    /**
     * Screens the text of an attachment (callers extract the text of PDF/Office files first). Reads at most
     * {@code maxChars} characters; the reader is not closed. Fails closed: if the reader holds more than
     * {@code maxChars} characters an {@link InputTooLargeException} is thrown rather than screening only a prefix,
     * so an unscreened remainder can never be mistaken for screened text.
     */
    public ScreeningResult screen(Reader reader, int maxChars) throws IOException {
        Objects.requireNonNull(reader, "reader");
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars < 0: " + maxChars);
        }
        StringBuilder sb = new StringBuilder(Math.min(maxChars, 1 << 16));
        char[] buf = new char[8192];
        while (sb.length() < maxChars) {
            int n = reader.read(buf, 0, Math.min(buf.length, maxChars - sb.length()));
            if (n < 0) {
                return screen(sb.toString());
            }
            sb.append(buf, 0, n);
        }
        if (reader.read() >= 0) {
            throw new InputTooLargeException(maxChars);
        }
        return screen(sb.toString());
    }

    /** Thrown by {@link #screen(Reader, int)} when the input exceeds the character limit. */
    public static final class InputTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public InputTooLargeException(int maxChars) {
            super("text exceeds the screening limit of " + maxChars + " characters; not screened");
        }
    }

    // ---------------------------------------------------------------------------------------------- resident ID

    private void findResidentIds(String s, LocalDate today, List<Finding> out) {
        Matcher m = RESIDENT_ID_18.matcher(s);
        while (m.find()) {
            String id = m.group();
            if (PersonalNumbers.isValidResidentId18(id, today)) {
                out.add(new Finding(PersonalDataKind.RESIDENT_ID, m.start(), m.end(), keepEnds(id, 4, 4),
                        Confidence.HIGH));
            }
        }
        m = RESIDENT_ID_15.matcher(s);
        while (m.find()) {
            String id = m.group();
            if (PersonalNumbers.isValidResidentId15(id)) {
                out.add(new Finding(PersonalDataKind.RESIDENT_ID, m.start(), m.end(), keepEnds(id, 4, 4),
                        Confidence.LOW));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- mobile

    private static void findMobiles(String s, List<Finding> out) {
        Matcher m = MOBILE.matcher(s);
        while (m.find()) {
            String prefix = m.group(1) == null ? "" : m.group(1);
            String masked = prefix + m.group(2) + "****" + m.group(3);
            out.add(new Finding(PersonalDataKind.MOBILE, m.start(), m.end(), masked, Confidence.HIGH));
        }
    }

    // ---------------------------------------------------------------------------------------------- bank card

    private static void findBankCards(String s, List<Finding> out) {
        Matcher m = BANK_CARD.matcher(s);
        while (m.find()) {
            String digits = digitsOnly(m.group());
            if (PersonalNumbers.hasCardIssuerPrefix(digits) && PersonalNumbers.luhnValid(digits)) {
                out.add(new Finding(PersonalDataKind.BANK_CARD, m.start(), m.end(), keepEnds(digits, 4, 4),
                        Confidence.MEDIUM));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- e-mail

    private void findEmails(String s, List<Finding> out) {
        Matcher m = EMAIL.matcher(s);
        while (m.find()) {
            String local = m.group(1);
            if (isOfficeMailbox(local)) {
                continue;
            }
            String masked = local.charAt(0) + "***@" + m.group(2);
            out.add(new Finding(PersonalDataKind.EMAIL, m.start(), m.end(), masked, Confidence.HIGH));
        }
    }

    /** True when every token of the local part (split at . _ - +, trailing digits stripped) is an office word. */
    boolean isOfficeMailbox(String localPart) {
        String[] tokens = LOCAL_PART_SEPARATORS.split(localPart.toLowerCase(Locale.ROOT), -1);
        for (String token : tokens) {
            int end = token.length();
            while (end > 0 && Character.isDigit(token.charAt(end - 1))) {
                end--;
            }
            if (end == 0 || !officeMailboxes.contains(token.substring(0, end))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Longest span first, then kind priority; greedily keep candidates that do not overlap a kept one. */
    private static List<Finding> resolveOverlaps(List<Finding> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        candidates.sort(Comparator.comparingInt(Finding::length).reversed()
                .thenComparing(f -> PRIORITY.get(f.kind()))
                .thenComparingInt(Finding::start));
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding f : candidates) {
            Map.Entry<Integer, Finding> before = kept.floorEntry(f.start());
            if (before != null && before.getValue().end() > f.start()) {
                continue;
            }
            Map.Entry<Integer, Finding> after = kept.ceilingEntry(f.start());
            if (after != null && after.getKey() < f.end()) {
                continue;
            }
            kept.put(f.start(), f);
        }
        return new ArrayList<>(kept.values());
    }

    /** {@code keep} leading and trailing characters, one {@code *} for every character in between. */
    private static String keepEnds(String value, int head, int tail) {
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    private static String digitsOnly(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * One-to-one character folding (length and offsets preserved): full-width ASCII to ASCII, ideographic and
     * no-break spaces to a space, Unicode hyphens/dashes/minus to '-'.
     */
    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                f = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u2009' || c == '\u202F') {
                f = ' ';
            } else if ((c >= '\u2010' && c <= '\u2013') || c == '\u2212' || c == '\uFE63') {
                f = '-';
            } else {
                continue;
            }
            if (chars == null) {
                chars = text.toCharArray();
            }
            chars[i] = f;
        }
        return chars == null ? text : new String(chars);
    }
}
