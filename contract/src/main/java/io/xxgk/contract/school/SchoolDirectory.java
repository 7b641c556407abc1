package io.xxgk.contract.school;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.xxgk.contract.event.EventCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The schools this installation serves, loaded from versioned data ({@code xxgk/schools.json}). */
public final class SchoolDirectory {

    public static final String DEFAULT_RESOURCE = "xxgk/schools.json";

    private final Map<String, School> byCode = new LinkedHashMap<>();

    private SchoolDirectory(List<School> schools) {
        for (School s : schools) {
            if (byCode.put(s.code(), s) != null) {
                throw new IllegalStateException("duplicate school code " + s.code());
            }
        }
    }

    public static SchoolDirectory load() {
        return load(DEFAULT_RESOURCE);
    }

    public static SchoolDirectory load(String resource) {
        try (InputStream in = SchoolDirectory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new SchoolDirectory(EventCodec.mapper().readValue(in, File.class).schools());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<School> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<School> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(String version, List<School> schools) {
    }
}
