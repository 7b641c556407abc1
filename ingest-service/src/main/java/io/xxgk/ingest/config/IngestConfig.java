package io.xxgk.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "xxgk")
public interface IngestConfig {

    /** Bootstrap credential of the administrators (issues and revokes department keys). */
    Optional<String> adminToken();

    /**
     * The credential of publish-service's application form (role public-form: it can record applications made by the
     * public, {@code POST /api/v1/public-applications}, and nothing else). Unset: nobody can record them.
     */
    Optional<String> publicApplicationsToken();

    Storage storage();

    Items items();

    Outbox outbox();

    Attachments attachments();

    interface Attachments {
        /** Largest accepted attachment. */
        @WithDefault("52428800")
        long maxBytes();

        /** Lifetime of presigned download links. */
        @WithDefault("1h")
        Duration linkExpiry();
    }

    interface Storage {
        String endpoint();

        String accessKey();

        String secretKey();

        @WithDefault("xxgk-attachments")
        String bucket();

        @WithDefault("us-east-1")
        String region();
    }

    interface Items {
        /** Longest accepted body, in characters. */
        @WithDefault("200000")
        int maxBodyChars();

        @WithDefault("500")
        int maxTitleChars();

        /** Longest accepted body in UTF-8 bytes (200,000 Chinese characters are 600,000 bytes). */
        @WithDefault("600000")
        int maxBodyBytes();

        /** Most attachments one item may reference. */
        @WithDefault("50")
        int maxAttachments();
    }

    GroupCommit groupCommit();

    /**
     * Single POSTs arriving together share one transaction (see {@code service.GroupCommit}): each is answered after
     * that commit, so a 202 still means durable, but 16 concurrent clients cost one WAL flush per group, not per item.
     */
    interface GroupCommit {
        /** false: each single POST commits alone, as before. */
        @WithDefault("true")
        boolean enabled();

        /** Most items one shared transaction takes. */
        @WithDefault("64")
        int maxItems();

        /** Threads committing groups; while one waits for its flush, the next group gathers and is written. */
        @WithDefault("2")
        int committers();
    }

    Events events();

    interface Events {
        /**
         * Largest encoded event ingest accepts to send, in bytes; below the producer's max.request.size (1 MiB)
         * with room for the record's key and headers, so that no accepted item can block the outbox.
         */
        @WithDefault("921600")
        int maxBytes();
    }

    interface Outbox {
        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for rows when nobody wakes it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Sent rows are deleted this long after the broker acknowledged them. */
        @WithDefault("7d")
        Duration retention();

        /**
         * How long a replica that takes the relay over from another waits before reconciling, so that the sends the
         * other still had in flight (at most the producer's delivery.timeout.ms) are on the topic when it reads it.
         */
        @WithDefault("35s")
        Duration takeoverGrace();

        /** Longest pause between attempts while the database or the broker is unavailable. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    Ops ops();

    interface Ops {
        /** How often the operations gauges (outbox backlog, parked rows) are read from the database. */
        @WithDefault("15s")
        Duration metricsRefresh();
    }
}
