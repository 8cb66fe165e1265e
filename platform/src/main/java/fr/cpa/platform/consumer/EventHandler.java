package fr.cpa.platform.consumer;

import fr.cpa.platform.event.EventEnvelope;

/** The effect of one event, run inside the transaction that records it as processed. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event);
}
