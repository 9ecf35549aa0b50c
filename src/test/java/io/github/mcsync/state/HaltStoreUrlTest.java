package io.github.mcsync.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Cosmetic differences of an endpoint URL do not change a halt's fingerprint (the rule behind HaltPerSystemTest). */
class HaltStoreUrlTest {
    @Test
    void cosmeticDifferencesAreTheSameEndpoint() {
        String canonical = HaltStore.canonicalUrl("https://acme.coursesales.com/soap/v1");
        for (String same : new String[] {"https://acme.coursesales.com/soap/v1/", "HTTPS://ACME.CourseSales.com/soap/v1",
                "https://acme.coursesales.com:443/soap/v1", " https://acme.coursesales.com/soap/v1// "}) {
            assertEquals(canonical, HaltStore.canonicalUrl(same), same);
        }
        assertEquals("http://moodle.example.edu", HaltStore.canonicalUrl("http://Moodle.example.edu:80/"));
        assertNotEquals(canonical, HaltStore.canonicalUrl("https://acme.coursesales.com/soap/V1"), "the path's case counts");
        assertNotEquals(canonical, HaltStore.canonicalUrl("https://acme.coursesales.com:8443/soap/v1"));
        assertNotEquals(canonical, HaltStore.canonicalUrl("https://other.coursesales.com/soap/v1"));
    }
}
