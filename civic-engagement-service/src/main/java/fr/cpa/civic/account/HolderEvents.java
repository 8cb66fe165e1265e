package fr.cpa.civic.account;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.HolderRegistered;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/** Opens an empty CEC when account-service registers a holder ({@code cpa.holder.v1}). */
@ApplicationScoped
public class HolderEvents {

    private final IdempotentConsumer consumer;
    private final EventJson json;

    HolderEvents(IdempotentConsumer consumer, EventJson json) {
        this.consumer = consumer;
        this.json = json;
    }

    @Incoming("holders")
    @Blocking
    public void onHolderEvent(ConsumerRecord<String, String> record) {
        consumer.consume("civic-engagement.holders", record, this::apply);
    }

    void apply(EventEnvelope event) {
        if (!HolderRegistered.TYPE.equals(event.type())) {
            return;
        }
        HolderRegistered registered = json.data(event, HolderRegistered.class);
        if (CecAccount.findById(registered.holderId()) != null) {
            return;
        }
        CecAccount account = new CecAccount();
        account.holderId = registered.holderId();
        account.openedAt = Instant.now();
        account.persist();
    }
}
