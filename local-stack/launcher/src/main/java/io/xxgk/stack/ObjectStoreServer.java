package io.xxgk.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real S3-compatible server: S3Proxy with its filesystem backend, SigV4 enforced, in its own JVM. */
public final class ObjectStoreServer implements AutoCloseable {

    public static final String ACCESS_KEY = "xxgk-local";
    public static final String SECRET_KEY = "xxgk-local-secret";

    private final Path dir;
    private final int port;
    private final Path lib;
    private ServerProcess process;
    private volatile boolean wanted;

    public ObjectStoreServer(Path dir, int port, Path lib) {
        this.dir = dir;
        this.port = port;
        this.lib = lib;
    }

    public synchronized ObjectStoreServer start() {
        try {
            Files.createDirectories(dir.resolve("buckets"));
            Path props = dir.resolve("s3proxy.properties");
            Files.writeString(props, String.join("\n",
                    "s3proxy.endpoint=http://" + Ports.HOST + ":" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY,
                    "jclouds.filesystem.basedir=" + dir.resolve("buckets"),
                    ""), StandardCharsets.UTF_8);
            process = ServerProcess.start("s3proxy",
                    ServerProcess.javaCommand(List.of("-Xms64m", "-Xmx256m"), lib + "/*", "org.gaul.s3proxy.Main",
                            List.of("--properties", props.toString())),
                    Map.of(), dir, dir.resolve("s3proxy.log"), StaleServers.pidFile(dir.getParent(), "s3proxy"));
            wanted = true;
            Ports.awaitOpen("S3Proxy", port, Duration.ofSeconds(60), process);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("S3Proxy: " + e.getMessage(), e);
        }
    }

    public String endpoint() {
        return "http://" + Ports.HOST + ":" + port;
    }

    public ServerProcess process() {
        return process;
    }

    public boolean isRunning() {
        ServerProcess p = process;
        return p != null && p.isAlive();
    }

    /** For a {@link Supervisor}: restarted when it dies, unless closed. */
    public Supervisor.Watched supervised() {
        return new Supervisor.Watched("s3proxy", () -> wanted, this::isRunning,
                () -> process == null ? "stopped" : "exit code " + process.exitCode(), () -> {
                    synchronized (this) {
                        if (wanted && !isRunning()) {
                            start();
                        }
                    }
                });
    }

    /** Crash: SIGKILL. {@link #start()} brings it back on the same port and data. */
    public synchronized void kill() {
        wanted = false;
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        wanted = false;
        if (process != null) {
            process.stop(10);
            process = null;
        }
    }
}
