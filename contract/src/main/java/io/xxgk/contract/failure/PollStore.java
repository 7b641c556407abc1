package io.xxgk.contract.failure;

import io.xxgk.contract.event.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A consumer that stores what it reads: one poll decoded, stored in one transaction, unreadable and unstorable
 * records dead-lettered with the reason, outages waited out. The poll's offsets are committed when this returns.
 */
public final class PollStore {

    private PollStore() {
    }

    public record Decoded<T>(ConsumerRecord<String, String> record, T event) {
    }

    /**
     * @param decode                parses and validates one value; throws {@link MalformedEventException} for a
     *                              record that can never be processed
     * @param storeInOneTransaction stores the given decoded records in one transaction
     * @return how many records were stored
     */
    public static <T> int store(String what, ConsumerRecords<String, String> records, Function<String, T> decode,
                                Consumer<List<Decoded<T>>> storeInOneTransaction, DeadLetters deadLetters) {
        List<Decoded<T>> decoded = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            try {
                decoded.add(new Decoded<>(r, decode.apply(r.value())));
            } catch (MalformedEventException e) {
                deadLetters.send(r, e.getMessage());
            }
        }
        return Isolation.storeAll(what, decoded, storeInOneTransaction,
                (d, e) -> deadLetters.send(d.record(), "cannot be stored: " + DeadLetters.reasonOf(e))).size();
    }
}
