package io.xxgk.ingest.rest;

/** The answer to an accepted item: it is durable from this point on. */
public record ItemAccepted(String id, String schoolCode, int revision, String status, String statusUrl) {
}
