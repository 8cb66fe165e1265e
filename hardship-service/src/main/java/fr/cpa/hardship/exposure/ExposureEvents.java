package fr.cpa.hardship.exposure;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.ExposureDeclared;
import fr.cpa.platform.contract.ExposureWithdrawn;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Employers' hardship declarations from account-service ({@code cpa.exposure.v1}). The envelope's
 * {@code time} is when the employer declared: it decides whether a correction is within its window.
 */
@ApplicationScoped
public class ExposureEvents {

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final ExposureService exposures;

    ExposureEvents(IdempotentConsumer consumer, EventJson json, ExposureService exposures) {
        this.consumer = consumer;
        this.json = json;
        this.exposures = exposures;
    }

    @Incoming("exposures")
    @Blocking
    public void onExposureEvent(ConsumerRecord<String, String> record) {
        consumer.consume("hardship.exposures", record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case ExposureDeclared.TYPE -> exposures.declared(json.data(event, ExposureDeclared.class), event.time());
            case ExposureWithdrawn.TYPE -> exposures.withdrawn(json.data(event, ExposureWithdrawn.class), event.time());
            default -> {
                // other types of the topic are not ours to act on
            }
        }
    }
}
