package io.xxgk.contract.event;

/** A message on a topic that cannot be read as the event it should be: a poison message for the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
