package io.xxgk.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the server classpaths and the service jars are. Defaults come from the build
 * ({@code xxgk-stack.properties}); environment variables override them.
 */
public final class StackPaths {

    private final Path kafkaLib;
    private final Path s3proxyLib;
    private final Path projectRoot;

    private StackPaths(Path kafkaLib, Path s3proxyLib, Path projectRoot) {
        this.kafkaLib = kafkaLib;
        this.s3proxyLib = s3proxyLib;
        this.projectRoot = projectRoot;
    }

    public static StackPaths fromBuild() {
        Properties p = new Properties();
        try (InputStream in = StackPaths.class.getClassLoader().getResourceAsStream("xxgk-stack.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path root = Path.of(env("XXGK_PROJECT_ROOT", p.getProperty("project.root", "."))).toAbsolutePath().normalize();
        Path kafka = Path.of(env("XXGK_KAFKA_LIB", p.getProperty("kafka.lib", root.resolve("local-stack/kafka-dist/target/lib").toString())));
        Path s3 = Path.of(env("XXGK_S3PROXY_LIB", p.getProperty("s3proxy.lib", root.resolve("local-stack/s3proxy-dist/target/lib").toString())));
        return new StackPaths(kafka.toAbsolutePath().normalize(), s3.toAbsolutePath().normalize(), root);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public Path kafkaLib() {
        return requireDir(kafkaLib, "Kafka broker classpath");
    }

    public Path s3proxyLib() {
        return requireDir(s3proxyLib, "S3Proxy classpath");
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** {@code <root>/<service>/target/quarkus-app/quarkus-run.jar}. */
    public Path serviceJar(String service) {
        Path jar = projectRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
        }
        return jar;
    }

    private static Path requireDir(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(what + " not found at " + dir + ": build first with ./mvnw package -DskipTests");
        }
        return dir;
    }
}
