package io.xxgk.publish.service.report;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import io.xxgk.contract.school.School;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The annual report's template files, a set per school, per province or the default, looked up in that order: first
 * in the operator's directory ({@code xxgk.report-templates.dir}, read at each use, so a school's template can be
 * changed without a new release), then on the class path ({@code report-templates/}). Layout of either:
 * <pre>
 *   school/&lt;school code&gt;/   province/&lt;province, e.g. 湖南省&gt;/   default/
 *     profile.properties   wording: title, preamble, provincial notice, part titles, office and contact (merged)
 *     report.html          Qute template of the HTML page (the most specific file wins)
 *     report.docx          Word template filled with Apache POI (the most specific file wins)
 * </pre>
 */
@ApplicationScoped
public class ReportTemplates {

    static final String CLASSPATH_ROOT = "report-templates/";

    private final Engine engine;
    private final Optional<Path> directory;
    private final Map<String, Template> classpathTemplates = new ConcurrentHashMap<>();

    public ReportTemplates(Engine engine, @ConfigProperty(name = "xxgk.report-templates.dir") Optional<String> directory) {
        this.engine = engine;
        this.directory = directory.filter(d -> !d.isBlank()).map(Path::of);
    }

    /** A template file found for a school: where it came from and its bytes. */
    public record Found(String source, byte[] bytes) {
    }

    public ReportProfile profile(School school) {
        Map<String, String> merged = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        List<String> order = candidates(school);
        for (int i = order.size() - 1; i >= 0; i--) { // default first, the school's file last: it wins
            Optional<Found> f = find(order.get(i) + "profile.properties");
            if (f.isPresent()) {
                Properties p = new Properties();
                try (var reader = new InputStreamReader(new java.io.ByteArrayInputStream(f.get().bytes()), StandardCharsets.UTF_8)) {
                    p.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f.get().source(), e);
                }
                p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k)));
                sources.add(0, f.get().source());
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no report profile.properties for " + school.code() + " (looked in " + order + ")");
        }
        return new ReportProfile(Map.copyOf(merged), List.copyOf(sources));
    }

    /** The Qute template of the HTML report (HTML-escaping every value). */
    public Template html(School school) {
        Found f = mostSpecific(school, "report.html");
        if (f.source().startsWith("classpath:")) {
            return classpathTemplates.computeIfAbsent(f.source(), s -> parse(f));
        }
        return parse(f);
    }

    /** The bytes of the .docx template. */
    public Found docx(School school) {
        return mostSpecific(school, "report.docx");
    }

    private Template parse(Found f) {
        return engine.parse(new String(f.bytes(), StandardCharsets.UTF_8), Variant.forContentType(Variant.TEXT_HTML), f.source());
    }

    private Found mostSpecific(School school, String file) {
        for (String dir : candidates(school)) {
            Optional<Found> f = find(dir + file);
            if (f.isPresent()) {
                return f.get();
            }
        }
        throw new IllegalStateException("no report template " + file + " for " + school.code());
    }

    /** school/<code>/, province/<province>/, default/ */
    static List<String> candidates(School school) {
        List<String> dirs = new ArrayList<>();
        dirs.add("school/" + school.code() + "/");
        if (school.province() != null && !school.province().isBlank()) {
            dirs.add("province/" + school.province().strip() + "/");
        }
        dirs.add("default/");
        return dirs;
    }

    private Optional<Found> find(String relative) {
        if (directory.isPresent()) {
            Path p = directory.get().resolve(relative).normalize();
            if (p.startsWith(directory.get().normalize()) && Files.isRegularFile(p)) {
                try {
                    return Optional.of(new Found(p.toString(), Files.readAllBytes(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read report template " + p, e);
                }
            }
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CLASSPATH_ROOT + relative)) {
            return in == null ? Optional.empty() : Optional.of(new Found("classpath:" + CLASSPATH_ROOT + relative, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + relative, e);
        }
    }
}
