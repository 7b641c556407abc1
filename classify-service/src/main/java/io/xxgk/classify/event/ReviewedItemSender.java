package io.xxgk.classify.event;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.xxgk.classify.service.ReviewDecisionSender;
import io.xxgk.contract.event.ItemClassified;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;

/** Review decisions go out on {@link Channels#ITEMS_REVIEWED}, one at a time, each awaited. */
@ApplicationScoped
public class ReviewedItemSender implements ReviewDecisionSender {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;

    public ReviewedItemSender(@Channel(Channels.ITEMS_REVIEWED) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(String event, ItemClassified decided) {
        emitter.sendMessage(DecisionMessages.of(event, decided)).await().atMost(SEND_TIMEOUT);
    }
}
