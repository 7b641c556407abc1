package io.xxgk.publish.repository;

import io.xxgk.contract.event.Decision;

/** Public status of an entry. Only {@link #PUBLISHED} entries appear on public endpoints. */
public enum EntryStatus {
    PUBLISHED, HELD, WITHHELD, WITHDRAWN;

    public static EntryStatus of(Decision decision) {
        return switch (decision) {
            case PUBLISH -> PUBLISHED;
            case HOLD -> HELD;
            case WITHHOLD -> WITHHELD;
            case WITHDRAW -> WITHDRAWN;
        };
    }
}
