package io.xxgk.contract.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Store a batch in one transaction; if that fails for a reason that retrying cannot cure, find the record that
 * cannot be stored by storing them one by one, set it aside (dead-letter topic with the reason), and keep the rest.
 * Transient failures are waited out by {@link WaitOut}, for the batch and for each record.
 */
public final class Isolation {

    private Isolation() {
    }

    /**
     * @param storeInOneTransaction stores the given records in one transaction (called with the whole batch, then,
     *                              after a permanent failure, with one record at a time)
     * @param setAside              receives each record that can never be stored, with the failure
     * @return the records that were stored
     */
    public static <T> List<T> storeAll(String what, List<T> records, Consumer<List<T>> storeInOneTransaction,
                                       BiConsumer<T, RuntimeException> setAside) {
        if (records.isEmpty()) {
            return records;
        }
        try {
            WaitOut.transientFailures(what, () -> storeInOneTransaction.accept(records));
            return records;
        } catch (WaitOut.WaitInterruptedException e) {
            throw e;
        } catch (RuntimeException batchFailure) {
            if (records.size() == 1) {
                setAside.accept(records.get(0), batchFailure);
                return List.of();
            }
        }
        List<T> stored = new ArrayList<>(records.size());
        for (T record : records) {
            try {
                WaitOut.transientFailures(what, () -> storeInOneTransaction.accept(List.of(record)));
                stored.add(record);
            } catch (WaitOut.WaitInterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                setAside.accept(record, e);
            }
        }
        return stored;
    }
}
