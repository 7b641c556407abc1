package io.xxgk.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The accessibility check of a page: axe-core (from the npm registry, through the {@code org.webjars.npm:axe-core}
 * test dependency) injected by the test into the page as it is, run against WCAG 2.0/2.1 A and AA.
 */
public final class Axe {

    /** The WebJar's own record of its version, which names the folder of the script. */
    private static final String POM = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static String source;

    private Axe() {
    }

    /** One rule the page breaks: id, impact (minor … critical), and where. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + help + ") at " + targets;
        }
    }

    /** Every violation of WCAG 2.1 A/AA rules on the page. */
    public static List<Violation> check(Page page) {
        page.evaluate(source());
        String json = (String) page.evaluate("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ')) })));
                }""");
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonNode v : new ObjectMapper().readTree(json)) {
                List<String> targets = new ArrayList<>();
                v.path("targets").forEach(t -> targets.add(t.asText()));
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(), targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** The violations of impact serious or critical. */
    public static List<Violation> serious(Page page) {
        return check(page).stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical")).toList();
    }

    private static synchronized String source() {
        if (source == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream pom = loader.getResourceAsStream(POM)) {
                if (pom == null) {
                    throw new IllegalStateException(POM + " is not on the test classpath (org.webjars.npm:axe-core)");
                }
                Properties p = new Properties();
                p.load(pom);
                String script = "META-INF/resources/webjars/axe-core/" + p.getProperty("version") + "/axe.min.js";
                try (InputStream in = loader.getResourceAsStream(script)) {
                    if (in == null) {
                        throw new IllegalStateException(script + " is not on the test classpath");
                    }
                    source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
