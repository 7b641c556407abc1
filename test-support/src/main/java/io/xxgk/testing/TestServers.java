package io.xxgk.testing;

import java.util.Map;

/**
 * The real PostgreSQL, Kafka and S3 store a test JVM talks to, whichever way they were started: embedded (zonky
 * PostgreSQL, a Kafka KRaft JVM, S3Proxy; the default and the only way without Docker) or, where a Docker engine
 * answers, Testcontainers (see {@link ServerChoice}). Tests reach them through {@link RealServers#stack()}.
 */
public interface TestServers {

    Database postgres();

    Broker kafka();

    ObjectStore objectStore();

    /**
     * The Quarkus configuration a service needs to talk to these servers, as property names.
     * {@code database} is the service's own database (and login role, password = name), created here if missing.
     */
    Map<String, String> serviceConfig(String database);

    /** Which way the servers were started, for the log. */
    String description();

    interface Database {

        /** Superuser {@code postgres}, password {@code postgres}. */
        String jdbcUrl(String database);

        /** Creates a login role and a database it owns (idempotent); password = role name. */
        void ensureDatabase(String name);

        /** Starts the server again on the same address and data; returns when it accepts connections. */
        void start();

        /** Stops the server (an outage); {@link #start()} brings it back. */
        void stop();

        /** Same as {@link #stop()}. */
        default void close() {
            stop();
        }
    }

    interface Broker {

        String bootstrapServers();

        /** Starts the broker again on the same address and data; returns when it answers. */
        void start();

        /** Graceful stop (an outage); {@link #start()} brings it back. */
        void stop();
    }

    interface ObjectStore {

        String endpoint();

        String accessKey();

        String secretKey();
    }
}
