package io.xxgk.testing;

/**
 * One real PostgreSQL + Kafka + S3 stack per test JVM (i.e. per module run), on free ports, stopped when the JVM
 * exits: embedded servers by default and wherever there is no Docker; Testcontainers where a Docker engine answers
 * ({@link ServerChoice}: {@code -Dxxgk.test.servers=auto|embedded|containers}).
 */
public final class RealServers {

    private static TestServers stack;

    private RealServers() {
    }

    public static synchronized TestServers stack() {
        if (stack == null) {
            ServerChoice.Servers choice = ServerChoice.fromEnvironment();
            stack = choice == ServerChoice.Servers.CONTAINERS ? ContainerServers.start() : EmbeddedServers.start();
            System.out.println("test servers: " + stack.description() + " (-D" + ServerChoice.PROPERTY + "=auto|embedded|containers)");
        }
        return stack;
    }
}
