package io.xxgk.testing;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Which {@link TestServers} a test JVM starts. Setting: system property {@value #PROPERTY} or environment variable
 * {@value #ENV} (the property wins), one of {@code auto} (the default), {@code embedded} or {@code containers}.
 * {@code auto} takes Testcontainers only where a Docker engine answers and the embedded servers everywhere else (CI,
 * this project's build machines); {@code embedded} never asks Docker; {@code containers} refuses to fall back.
 */
public final class ServerChoice {

    public static final String PROPERTY = "xxgk.test.servers";
    public static final String ENV = "XXGK_TEST_SERVERS";

    public enum Servers { EMBEDDED, CONTAINERS }

    private ServerChoice() {
    }

    /** From this JVM's system properties and environment; asks Docker only for {@code auto} and {@code containers}. */
    public static Servers fromEnvironment() {
        return choose(setting(System.getProperty(PROPERTY), System.getenv()), DockerProbe::answers);
    }

    static String setting(String systemProperty, Map<String, String> env) {
        if (systemProperty != null && !systemProperty.isBlank()) {
            return systemProperty;
        }
        return env.getOrDefault(ENV, "auto");
    }

    static Servers choose(String setting, BooleanSupplier dockerAnswers) {
        String value = setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> Servers.EMBEDDED;
            case "auto" -> dockerAnswers.getAsBoolean() ? Servers.CONTAINERS : Servers.EMBEDDED;
            case "containers" -> {
                if (!dockerAnswers.getAsBoolean()) {
                    throw new IllegalStateException("测试服务器设置为容器，但没有可用的 Docker / " + PROPERTY + "=containers (or "
                            + ENV + "=containers) asks for Testcontainers, but no Docker engine answers; start Docker or set "
                            + PROPERTY + "=auto or embedded to use the embedded servers");
                }
                yield Servers.CONTAINERS;
            }
            default -> throw new IllegalStateException("无效的测试服务器设置 / " + PROPERTY + " (" + ENV + ") is '" + setting
                    + "'; use auto, embedded or containers");
        };
    }
}
