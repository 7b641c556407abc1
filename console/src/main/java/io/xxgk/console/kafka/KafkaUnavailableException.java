package io.xxgk.console.kafka;

/** The broker did not answer in time; the page shows what it has and says that Kafka is unavailable. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String what, Throwable cause) {
        super(what + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
    }
}
