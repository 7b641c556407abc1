package io.xxgk.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Port helpers: free ports for tests, clear failures when a fixed port is taken. */
public final class Ports {

    public static final String HOST = "127.0.0.1";

    private Ports() {
    }

    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + HOST, e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until something listens on {@code port}, or fails after {@code timeout}. */
    public static void awaitOpen(String what, int port, Duration timeout, ServerProcess process) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited early (code " + process.exitCode() + "); see " + process.logFile());
            }
            if (isOpen(port)) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException(what + " did not open port " + port + " within " + timeout.toSeconds() + " s");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
