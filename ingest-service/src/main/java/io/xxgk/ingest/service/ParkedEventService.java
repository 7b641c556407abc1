package io.xxgk.ingest.service;

import io.xxgk.ingest.repository.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** What an operator sees of, and does with, events the broker refused for good (parked outbox rows). */
@ApplicationScoped
public class ParkedEventService {

    public static final int MAX_LIST = 500;

    @Transactional
    public List<OutboxMessage.Parked> list(int limit) {
        return OutboxMessage.listParked(Math.max(1, Math.min(limit, MAX_LIST)));
    }

    /** Puts a parked row back in the relay's queue (after its cause was fixed); false if it is not parked. */
    @Transactional
    public boolean retry(long id) {
        return OutboxMessage.unpark(id);
    }
}
