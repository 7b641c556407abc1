package io.xxgk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a Docker engine answers, asked of Testcontainers ({@code DockerClientFactory.isDockerAvailable()}) only when
 * something says there may be one: {@code DOCKER_HOST} or a Testcontainers strategy in the environment, a
 * {@code ~/.testcontainers.properties}, a Docker socket at one of the usual places, or Windows (named pipe). Without any
 * of these the answer is no, at once and without Testcontainers' discovery and its error log.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean answers() {
        Path home = Path.of(System.getProperty("user.home"));
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        Optional<String> hint = hint(System.getenv(), home.resolve(".testcontainers.properties"), sockets(System.getenv(), home), windows);
        return hint.isPresent() && askTestcontainers();
    }

    /** Where Testcontainers' strategies look for a local engine (Linux, Docker Desktop, rootless, Colima, Rancher, OrbStack). */
    static List<Path> sockets(Map<String, String> env, Path home) {
        Stream<Path> runtimeDir = Optional.ofNullable(env.get("XDG_RUNTIME_DIR")).map(d -> Path.of(d, "docker.sock")).stream();
        return Stream.concat(runtimeDir, Stream.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock"),
                home.resolve(".orbstack/run/docker.sock"))).toList();
    }

    /** Why a Docker engine may be there, or empty when nothing says so. */
    static Optional<String> hint(Map<String, String> env, Path testcontainersProperties, List<Path> sockets, boolean windows) {
        for (String name : List.of("DOCKER_HOST", "TESTCONTAINERS_DOCKER_CLIENT_STRATEGY")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(name + "=" + value);
            }
        }
        if (Files.isRegularFile(testcontainersProperties)) {
            return Optional.of(testcontainersProperties.toString());
        }
        for (Path socket : sockets) {
            if (Files.exists(socket)) {
                return Optional.of(socket.toString());
            }
        }
        return windows ? Optional.of("Windows (named pipe)") : Optional.empty();
    }

    private static boolean askTestcontainers() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
