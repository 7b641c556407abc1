package io.xxgk.console.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which sign-in posts count as cross-site (login CSRF). */
class HttpHardeningTest {

    @Test
    void aPostFromTheConsolesOwnPageIsSameSite() {
        assertFalse(HttpHardening.crossSite("http://127.0.0.1:8084", "same-origin", "127.0.0.1:8084"));
        assertFalse(HttpHardening.crossSite(null, null, "127.0.0.1:8084"));
    }

    @Test
    void aPostFromAnotherSiteIsCrossSite() {
        assertTrue(HttpHardening.crossSite("https://evil.example", null, "console.school.edu.cn"));
        assertTrue(HttpHardening.crossSite(null, "cross-site", "console.school.edu.cn"));
        assertTrue(HttpHardening.crossSite("null", null, "console.school.edu.cn"));
    }
}
