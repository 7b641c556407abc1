package io.xxgk.classify.screening;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All identity numbers here are synthetic: a region code and a birth date picked at random, with the check character
 * computed by {@link #residentId(String)}. The cards are test numbers with a computed Luhn digit.
 */
class PersonalDataScreenerTest {

    /** "Today" is 2025-06-30 in Beijing time for every test. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final PersonalDataScreener screener =
            new PersonalDataScreener(CLOCK, PersonalDataScreener.DEFAULT_OFFICE_MAILBOXES);

    // ------------------------------------------------------------------ independent helpers (not the production code)

    /** Appends the ISO 7064 MOD 11-2 check character to 17 digits. */
    static String residentId(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(first17.charAt(i), 10) * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** Appends the Luhn check digit. */
    static String luhn(String body) {
        for (char d = '0'; d <= '9'; d++) {
            if (luhnOk(body + d)) {
                return body + d;
            }
        }
        throw new AssertionError();
    }

    static boolean luhnOk(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static Finding only(ScreeningResult r) {
        assertEquals(1, r.findings().size(), () -> "findings: " + r.findings());
        return r.findings().get(0);
    }

    private void assertNothing(String text) {
        ScreeningResult r = screener.screen(text);
        assertFalse(r.found(), () -> text + " -> " + r.findings());
        assertTrue(r.findings().isEmpty());
        assertSame(text, r.maskedText());
    }

    // ------------------------------------------------------------------ helpers are right (anchored on known values)

    @Test
    void helpersAgreeWithPublishedSpecimens() {
        // GB 11643-1999 specimen numbers and well-known card test numbers.
        assertEquals("11010519491231002X", residentId("11010519491231002"));
        assertEquals("440524188001010014", residentId("44052418800101001"));
        assertEquals("430102199001011238", residentId("43010219900101123"));
        assertTrue(luhnOk("4111111111111111"));
        assertTrue(luhnOk("6200000000000005"));
        assertFalse(luhnOk("6222021234567890"));
    }

    // ------------------------------------------------------------------ resident ID

    @Test
    void scholarshipListLine() {
        String id = residentId("43010219900101123");
        String text = "张三 " + id + " 计算机应用技术";
        ScreeningResult r = screener.screen(text);
        Finding f = only(r);
        assertEquals(PersonalDataKind.RESIDENT_ID, f.kind());
        assertEquals(3, f.start());
        assertEquals(21, f.end());
        assertEquals("4301**********1238", f.masked());
        assertEquals(Confidence.HIGH, f.confidence());
        assertEquals("张三 4301**********1238 计算机应用技术", r.maskedText());
        assertTrue(r.found());
        assertFalse(r.toString().contains(id), "a result must not carry the raw number: " + r);
    }

    @Test
    void checkCharacterXUpperAndLowerCase() {
        assertEquals("1101**********002X", screener.mask("11010519491231002X"));
        assertEquals("证件号1101**********002x。", screener.mask("证件号11010519491231002x。"));
    }

    @Test
    void everyCheckCharacterValue() {
        // Precomputed outside this code base: one number for each of the 11 possible check characters.
        List<String> ids = List.of("110108197709150051", "110108197709150000", "11010819770915006X",
                "110108197709150019", "110108197709150078", "110108197709150027", "110108197709150086",
                "110108197709150035", "110108197709150094", "110108197709150043", "110108197709150182");
        for (String id : ids) {
            assertEquals(id, residentId(id.substring(0, 17)));
            assertEquals(id.substring(0, 4) + "**********" + id.substring(14), screener.mask(id), id);
        }
    }

    @Test
    void wrongCheckCharacterIsNotFlagged() {
        String valid = residentId("11010519850315002");
        for (char c : "0123456789X".toCharArray()) {
            String candidate = valid.substring(0, 17) + c;
            if (candidate.equals(valid)) {
                assertTrue(screener.screen("号码 " + candidate).found());
            } else {
                assertNothing("号码 " + candidate + " 已核对");
            }
        }
    }

    @Test
    void wrongChecksumInHunanRangeIsNoResidentId() {
        // 43… numbers start like a Visa card: a wrong check digit may only ever come back as a Luhn-valid card.
        String valid = residentId("43010219900101123");
        for (char c : "0123456789".toCharArray()) {
            String candidate = valid.substring(0, 17) + c;
            ScreeningResult r = screener.screen(candidate);
            if (!candidate.equals(valid)) {
                assertEquals(0, r.count(PersonalDataKind.RESIDENT_ID), candidate);
                assertEquals(luhnOk(candidate) ? 1 : 0, r.count(PersonalDataKind.BANK_CARD), candidate);
            }
        }
    }

    @Test
    void birthDateAndProvinceAreValidated() {
        assertNothing(residentId("11010519900230123"));  // 30 February
        assertNothing(residentId("11010519001329123"));  // month 13
        assertNothing(residentId("11010519000229123"));  // 1900 is no leap year
        // GB specimen, born 1880 (before 1900): no resident ID; it happens to be a Luhn-valid 4… number, so it is
        // still masked, as a possible card
        ScreeningResult specimen = screener.screen(residentId("44052418800101001"));
        assertEquals(0, specimen.count(PersonalDataKind.RESIDENT_ID));
        assertEquals("4405**********0014", specimen.maskedText());
        assertNothing(residentId("11010520250701123"));  // tomorrow (today is 2025-06-30)
        assertNothing(residentId("99010519900101123"));  // 99 is no province
        assertNothing(residentId("20010519900101123"));  // 20 is no province
        assertEquals(1, screener.screen(residentId("11010520000229123")).findings().size()); // leap day
        assertEquals(1, screener.screen(residentId("11010519000101123")).findings().size()); // 1900-01-01
        assertEquals(1, screener.screen(residentId("11010520250630123")).findings().size()); // born today
        assertEquals(1, screener.screen(residentId("81000019950505123")).findings().size()); // Hong Kong permit
    }

    @Test
    void oldFifteenDigitForm() {
        ScreeningResult r = screener.screen("李四，430102900101123，男");
        Finding f = only(r);
        assertEquals(PersonalDataKind.RESIDENT_ID, f.kind());
        assertEquals(Confidence.LOW, f.confidence());
        assertEquals(3, f.start());
        assertEquals(18, f.end());
        assertEquals("李四，4301*******1123，男", r.maskedText());
        assertNothing("李四，430102901301123，男"); // month 13
        assertNothing("李四，990102900101123，男"); // no province
    }

    @Test
    void idInsideLongerDigitRunIsNotFlagged() {
        String id = residentId("11010519850315002");
        assertTrue(screener.screen("流水号 " + id).found());
        assertNothing("流水号 9" + id);   // 19 digits (94… is no card prefix)
        assertNothing("流水号 " + id + "7"); // 19 digits (1… is no card prefix)
        assertNothing("流水号 " + id.substring(1)); // 17 digits
    }

    @Test
    void randomEighteenDigitNumbersAreRarelyIds() {
        // Order / account numbers: all with a valid province and date but the wrong check character.
        java.util.Random rnd = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            String body = String.format("1101051990%02d%02d%03d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28),
                    rnd.nextInt(1000));
            String valid = residentId(body);
            char wrong = valid.charAt(17) == '0' ? '1' : '0';
            assertNothing("订单号：" + body + wrong);
        }
    }

    // ------------------------------------------------------------------ mobile

    @Test
    void mobileFormats() {
        assertEquals("手机 138****5678", screener.mask("手机 13812345678"));
        assertEquals("手机 +86 138****5678", screener.mask("手机 +86 138-1234-5678"));
        assertEquals("手机 +86138****5678", screener.mask("手机 +8613812345678"));
        assertEquals("手机 0086-199****0000", screener.mask("手机 0086-19912340000"));
        assertEquals("手机 (+86)138****5678", screener.mask("手机 (+86)13812345678"));
        assertEquals("电话：138****5678。", screener.mask("电话：138-1234-5678。"));
        assertEquals("电话：138****5678。", screener.mask("电话：138 1234 5678。"));

        ScreeningResult r = screener.screen("联系 +86 138-1234-5678 即可");
        Finding f = only(r);
        assertEquals(PersonalDataKind.MOBILE, f.kind());
        assertEquals(3, f.start());
        assertEquals(20, f.end());
        assertEquals("+86 138****5678", f.masked());
    }

    @Test
    void notAMobile() {
        assertNothing("招生办电话：0731-12345678，传真：0731-88881234");
        assertNothing("办公电话 (0731)88881234 或 400-800-1234");
        assertNothing("编号 12812345678"); // second digit 2
        assertNothing("编号 2138123456789"); // 13-digit run ending in a mobile-like number
        assertNothing("流水号 913812345678"); // mobile digits inside a longer run
        assertNothing("流水号 138123456789"); // 12 digits
    }

    @Test
    void mobileAfterWordsIsStillFlagged() {
        // Documented choice: the words in front do not matter.
        assertEquals("订单138****5678", screener.mask("订单13812345678"));
        assertEquals("No.138****5678", screener.mask("No.13812345678"));
    }

    // ------------------------------------------------------------------ bank card

    @Test
    void unionPayCardWithSpaces() {
        String card = luhn("622202123456789");
        assertEquals("6222021234567894", card);
        String grouped = card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        String text = "助学金发放卡号：" + grouped + "，开户行：工商银行";
        ScreeningResult r = screener.screen(text);
        Finding f = only(r);
        assertEquals(PersonalDataKind.BANK_CARD, f.kind());
        assertEquals(8, f.start());
        assertEquals(8 + 19, f.end());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertEquals("助学金发放卡号：6222********7894，开户行：工商银行", r.maskedText());
    }

    @Test
    void nineteenDigitCardsContiguousAndGrouped() {
        String card = luhn("622848001234567890");
        assertEquals("6228***********8903", screener.mask(card));
        assertEquals("卡号 6228***********8903 ", screener.mask("卡号 6228-4800-1234-5678-903 "));
        assertEquals("4111********1111", screener.mask("4111111111111111"));
    }

    @Test
    void luhnInvalidSixteenDigitsNotFlagged() {
        assertFalse(luhnOk("6222021234567890"));
        assertNothing("卡号 6222021234567890");
        assertNothing("卡号 6222 0212 3456 7890");
    }

    @Test
    void orderNumberNotFlaggedEvenWhenLuhnValid() {
        String order = luhn("20240315000123456");
        assertTrue(luhnOk(order));
        assertEquals(18, order.length());
        assertNothing("订单号：" + order + "，金额 100 元");
        // unified social credit code of a public institution, all digits, Luhn-valid: starts with 12
        String uscc = luhn("12430000444878560");
        assertNothing("统一社会信用代码 " + uscc);
    }

    @Test
    void tableOfFourDigitAmountsIsNotACard() {
        String row = luhn("400050006000700"); // 4000 5000 6000 700x passes Luhn …
        String grouped = row.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        assertEquals("4000********700" + row.charAt(15), screener.mask(grouped)); // … alone it looks like a card
        assertNothing("预算 " + grouped + " 8000 9000");                         // … in a row of amounts it is not
    }

    @Test
    void residentIdThatAlsoPassesLuhnIsReportedOnce() {
        String id = residentId("43010219880520145");
        assertTrue(luhnOk(id), "test data must be Luhn-valid too");
        ScreeningResult r = screener.screen("身份证 " + id);
        Finding f = only(r);
        assertEquals(PersonalDataKind.RESIDENT_ID, f.kind());
        assertEquals("身份证 4301**********1454", r.maskedText());
    }

    // ------------------------------------------------------------------ e-mail

    @Test
    void personalEmailMasked() {
        ScreeningResult r = screener.screen("联系人邮箱 zhangsan@example.com。");
        Finding f = only(r);
        assertEquals(PersonalDataKind.EMAIL, f.kind());
        assertEquals(6, f.start());
        assertEquals(26, f.end());
        assertEquals("z***@example.com", f.masked());
        assertEquals("联系人邮箱 z***@example.com。", r.maskedText());
        assertEquals("邮箱：1***@qq.com", screener.mask("邮箱：123456789@qq.com"));
        assertEquals("邮箱：z***@163.com", screener.mask("邮箱：zsb_zhang@163.com")); // "zhang" is a person
    }

    @Test
    void officeMailboxesAreNotFlagged() {
        assertNothing("招生咨询：zsb@school.edu.cn；信息公开：xxgk@xxx.edu.cn");
        assertNothing("教务处 JWC2024@hnu.edu.cn, 办公室 zsb.office@hnu.edu.cn, admin@example.com");
    }

    @Test
    void mobileNumberUsedAsEmailIsOneEmail() {
        ScreeningResult r = screener.screen("邮箱 13812345678@163.com");
        Finding f = only(r);
        assertEquals(PersonalDataKind.EMAIL, f.kind());
        assertEquals("邮箱 1***@163.com", r.maskedText());
    }

    // ------------------------------------------------------------------ mixed texts

    @Test
    void chinesePunctuationAroundNumbers() {
        String id = residentId("43010219900101123");
        String text = "学生（身份证号：" + id + "，手机：13812345678、邮箱：li.si@example.com）已公示";
        assertEquals("学生（身份证号：4301**********1238，手机：138****5678、邮箱：l***@example.com）已公示",
                screener.mask(text));
        // full-width punctuation and full-width digits
        assertEquals("手机（１３８）：138****5678。", screener.mask("手机（１３８）：１３８１２３４５６７８。"));
        assertEquals("手机：+86 138****5678", screener.mask("手机：＋８６　１３８－１２３４－５６７８"));
    }

    @Test
    void multipleFindingsWithOffsetsAndSummary() {
        String id1 = residentId("43010219900101123");
        String id2 = residentId("32058319991231456");
        String card = luhn("622202123456789");
        String text = "1. 张三 " + id1 + " 13812345678\n2. 李四 " + id2 + " 卡号 " + card + " li@example.com\n"
                + "咨询电话 0731-88881234，邮箱 zsb@school.edu.cn";
        ScreeningResult r = screener.screen(text);

        List<Finding> fs = r.findings();
        assertEquals(5, fs.size(), fs::toString);
        assertSpan(fs.get(0), PersonalDataKind.RESIDENT_ID, text.indexOf(id1), 18);
        assertSpan(fs.get(1), PersonalDataKind.MOBILE, text.indexOf("13812345678"), 11);
        assertSpan(fs.get(2), PersonalDataKind.RESIDENT_ID, text.indexOf(id2), 18);
        assertSpan(fs.get(3), PersonalDataKind.BANK_CARD, text.indexOf(card), 16);
        assertSpan(fs.get(4), PersonalDataKind.EMAIL, text.indexOf("li@example.com"), 14);
        for (Finding f : fs) {
            assertEquals(f.length(), text.substring(f.start(), f.end()).length());
        }

        assertEquals("1. 张三 4301**********1238 138****5678\n2. 李四 3205**********4568 卡号 6222********7894 "
                + "l***@example.com\n咨询电话 0731-88881234，邮箱 zsb@school.edu.cn", r.maskedText());
        assertEquals(2, r.count(PersonalDataKind.RESIDENT_ID));
        assertEquals("身份证号 2 处, 手机号 1 处, 银行卡号 1 处, 电子邮箱 1 处 / 2 resident IDs, 1 mobile, 1 bank card, 1 e-mail",
                r.summary());
    }

    @Test
    void summaryExampleFromTheSpecification() {
        String text = residentId("43010219900101123") + "、" + residentId("11010519850315002") + "、13812345678";
        assertEquals("身份证号 2 处, 手机号 1 处 / 2 resident IDs, 1 mobile", screener.screen(text).summary());
    }

    @Test
    void textWithoutFindingsIsReturnedUnchanged() {
        String text = "关于公布2024年国家奖学金获奖名单的通知（共12人），办公电话0731-88881234，邮箱xxgk@school.edu.cn。";
        ScreeningResult r = screener.screen(text);
        assertFalse(r.found());
        assertSame(text, r.maskedText());
        assertSame(text, screener.mask(text));
        assertEquals("未发现个人信息 / no personal data found", r.summary());
        assertSame("", screener.mask(""));
    }

    private static void assertSpan(Finding f, PersonalDataKind kind, int start, int length) {
        assertEquals(kind, f.kind(), f::toString);
        assertEquals(start, f.start(), f::toString);
        assertEquals(start + length, f.end(), f::toString);
    }

    // ------------------------------------------------------------------ reader and robustness

    @Test
    void readerVariant() throws IOException {
        String text = "附件：手机 13812345678";
        assertEquals("附件：手机 138****5678", screener.screen(new StringReader(text), text.length()).maskedText());
        assertEquals("附件：手机 138****5678", screener.screen(new StringReader(text), 1_000_000).maskedText());
        assertThrows(PersonalDataScreener.InputTooLargeException.class,
                () -> screener.screen(new StringReader(text), text.length() - 1));
    }

    @Test
    void noCatastrophicBacktrackingOnHugeInput() {
        String digits = "1".repeat(500_000);
        String letters = "a.b-".repeat(250_000);
        String mixed = ("1381234567 abc@def 6222 0212 3456 ").repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertFalse(screener.screen(digits).found());
            assertFalse(screener.screen(letters).found());
            assertFalse(screener.screen(mixed).found());
        });
    }
}
