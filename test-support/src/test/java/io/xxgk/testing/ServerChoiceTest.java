package io.xxgk.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerChoiceTest {

    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier DOCKER = () -> true;

    @Test
    void autoWithoutDockerTakesTheEmbeddedServersAndWithDockerTheContainers() {
        assertEquals(ServerChoice.Servers.EMBEDDED, ServerChoice.choose("auto", NO_DOCKER));
        assertEquals(ServerChoice.Servers.EMBEDDED, ServerChoice.choose(null, NO_DOCKER));
        assertEquals(ServerChoice.Servers.EMBEDDED, ServerChoice.choose(" ", NO_DOCKER));
        assertEquals(ServerChoice.Servers.CONTAINERS, ServerChoice.choose("auto", DOCKER));
        assertEquals(ServerChoice.Servers.CONTAINERS, ServerChoice.choose("AUTO", DOCKER));
    }

    @Test
    void embeddedNeverAsksDocker() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals(ServerChoice.Servers.EMBEDDED, ServerChoice.choose("embedded", () -> asked.incrementAndGet() > 0));
        assertEquals(0, asked.get());
    }

    @Test
    void containersWithoutDockerIsAClearErrorNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerChoice.choose("containers", NO_DOCKER));
        assertTrue(e.getMessage().contains("xxgk.test.servers=containers"), e.getMessage());
        assertTrue(e.getMessage().contains("XXGK_TEST_SERVERS"), e.getMessage());
        assertTrue(e.getMessage().contains("no Docker engine answers"), e.getMessage());
        assertEquals(ServerChoice.Servers.CONTAINERS, ServerChoice.choose("containers", DOCKER));
    }

    @Test
    void anUnknownValueIsRefusedNamingTheSettingAndItsValues() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerChoice.choose("docker", DOCKER));
        assertTrue(e.getMessage().contains("xxgk.test.servers"), e.getMessage());
        assertTrue(e.getMessage().contains("'docker'"), e.getMessage());
        assertTrue(e.getMessage().contains("auto, embedded or containers"), e.getMessage());
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentAndAutoIsTheDefault() {
        assertEquals("embedded", ServerChoice.setting("embedded", Map.of("XXGK_TEST_SERVERS", "containers")));
        assertEquals("containers", ServerChoice.setting(null, Map.of("XXGK_TEST_SERVERS", "containers")));
        assertEquals("containers", ServerChoice.setting("", Map.of("XXGK_TEST_SERVERS", "containers")));
        assertEquals("auto", ServerChoice.setting(null, Map.of()));
    }

    @Test
    void withoutAnySignOfDockerTheProbeSaysNoWithoutAskingTestcontainers(@TempDir Path home) throws Exception {
        List<Path> sockets = DockerProbe.sockets(Map.of("XDG_RUNTIME_DIR", home.resolve("run").toString()), home).stream()
                .filter(p -> p.startsWith(home)).toList();
        Path properties = home.resolve(".testcontainers.properties");
        assertEquals(Optional.empty(), DockerProbe.hint(Map.of(), properties, sockets, false));

        assertEquals(Optional.of("DOCKER_HOST=tcp://build-host:2375"),
                DockerProbe.hint(Map.of("DOCKER_HOST", "tcp://build-host:2375"), properties, sockets, false));
        assertEquals(Optional.of("Windows (named pipe)"), DockerProbe.hint(Map.of(), properties, sockets, true));

        Path desktopSocket = home.resolve(".docker/run/docker.sock");
        assertTrue(sockets.contains(desktopSocket), sockets.toString());
        Files.createDirectories(desktopSocket.getParent());
        Files.createFile(desktopSocket);
        assertEquals(Optional.of(desktopSocket.toString()), DockerProbe.hint(Map.of(), properties, sockets, false));
        Files.delete(desktopSocket);

        Files.writeString(properties, "docker.host=unix:///somewhere/docker.sock\n");
        assertEquals(Optional.of(properties.toString()), DockerProbe.hint(Map.of(), properties, sockets, false));
    }
}
