package io.xxgk.publish.repository;

import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.Scope;

/**
 * Public status of an entry. Only {@link #PUBLISHED} entries appear on public endpoints. {@link #INTERNAL}: published
 * inside the school only (校内公开), never on a public endpoint, counted apart.
 */
public enum EntryStatus {
    PUBLISHED, HELD, WITHHELD, WITHDRAWN, INTERNAL;

    public static EntryStatus of(Decision decision, Scope scope) {
        EntryStatus status = of(decision);
        return status == PUBLISHED && scope == Scope.INTERNAL ? INTERNAL : status;
    }

    public static EntryStatus of(Decision decision) {
        return switch (decision) {
            case PUBLISH -> PUBLISHED;
            case HOLD -> HELD;
            case WITHHOLD -> WITHHELD;
            case WITHDRAW -> WITHDRAWN;
        };
    }
}
