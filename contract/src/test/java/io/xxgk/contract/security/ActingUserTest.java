package io.xxgk.contract.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Chinese department survives the trip through ISO-8859-1 header values. */
class ActingUserTest {

    @Test
    void chineseValuesTravelPercentEncodedAndComeBackWhole() {
        String department = ActingUser.headerValue("招生就业处");
        assertTrue(department.chars().allMatch(c -> c < 128), department);
        Optional<ActingUser> user = ActingUser.fromHeaders(ActingUser.headerValue("王 芳"), "editor", department);
        assertEquals(Optional.of(new ActingUser("王 芳", ActingUser.Role.EDITOR, "招生就业处")), user);
    }

    @Test
    void plainAsciiValuesAreReadAsThey() {
        assertEquals(Optional.of(new ActingUser("reviewer", ActingUser.Role.REVIEWER, null)),
                ActingUser.fromHeaders("reviewer", "REVIEWER", null));
        assertEquals("a+b", ActingUser.fromHeaderValue("a+b"));
    }
}
