package fr.cpa.hardship.account;

import fr.cpa.hardship.exposure.ExposureService;
import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.HolderRegistered;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/** Opens an empty C2P (and assesses exposures already received) when account-service registers a holder ({@code cpa.holder.v1}). */
@ApplicationScoped
public class HolderEvents {

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final ExposureService exposures;

    HolderEvents(IdempotentConsumer consumer, EventJson json, ExposureService exposures) {
        this.consumer = consumer;
        this.json = json;
        this.exposures = exposures;
    }

    @Incoming("holders")
    @Blocking
    public void onHolderEvent(ConsumerRecord<String, String> record) {
        consumer.consume("hardship.holders", record, this::apply);
    }

    void apply(EventEnvelope event) {
        if (!HolderRegistered.TYPE.equals(event.type())) {
            return;
        }
        HolderRegistered registered = json.data(event, HolderRegistered.class);
        if (C2pAccount.findById(registered.holderId()) != null) {
            return;
        }
        C2pAccount account = new C2pAccount();
        account.holderId = registered.holderId();
        account.birthDate = registered.birthDate();
        account.openedAt = Instant.now();
        account.persistAndFlush();
        // Exposures may arrive before the holder (two topics): their closed years are assessed now.
        exposures.assessPendingYears(account.holderId);
    }
}
