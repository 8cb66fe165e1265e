package fr.cpa.trainingrights.account;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.HolderRegistered;
import fr.cpa.platform.contract.HolderStatusChanged;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/** Opens an empty CPF when account-service registers a holder ({@code cpa.holder.v1}). */
@ApplicationScoped
public class HolderEvents {

    private final IdempotentConsumer consumer;
    private final EventJson json;

    private final HolderStatuses holderStatuses;

    HolderEvents(IdempotentConsumer consumer, EventJson json, HolderStatuses holderStatuses) {
        this.consumer = consumer;
        this.json = json;
        this.holderStatuses = holderStatuses;
    }

    @Incoming("holders")
    @Blocking
    public void onHolderEvent(ConsumerRecord<String, String> record) {
        consumer.consume("training-rights.holders", record, this::apply);
    }

    /** Low-qualified and disabled-worker declarations change the rates; other situations feed yearly activity. */
    private void statusChanged(HolderStatusChanged changed) {
        CpfAccount account = CpfAccount.findById(changed.holderId());
        if (account == null) {
            throw new IllegalStateException("status change for holder " + changed.holderId() + " before its registration");
        }
        if ("LOW_QUALIFIED".equals(changed.status())) {
            account.lowQualifiedFrom = changed.to() != null && changed.to().isBefore(changed.from()) ? null : changed.from();
        } else if ("DISABLED_WORKER".equals(changed.status())) {
            account.disabledWorkerFrom = changed.from();
        }
        holderStatuses.record(changed.holderId(), changed.status(), changed.category(), changed.from(), changed.to());
    }

    void apply(EventEnvelope event) {
        if (HolderStatusChanged.TYPE.equals(event.type())) {
            statusChanged(json.data(event, HolderStatusChanged.class));
            return;
        }
        if (!HolderRegistered.TYPE.equals(event.type())) {
            return; // skills updates are the catalogue's business
        }
        HolderRegistered registered = json.data(event, HolderRegistered.class);
        if (CpfAccount.findById(registered.holderId()) != null) {
            return;
        }
        CpfAccount account = new CpfAccount();
        account.holderId = registered.holderId();
        account.birthDate = registered.birthDate();
        account.openedAt = Instant.now();
        account.lowQualifiedFrom = registered.lowQualifiedFrom();
        account.disabledWorkerFrom = registered.disabledWorkerFrom();
        account.persist();
        if (registered.statuses() != null) {
            registered.statuses().forEach(s -> holderStatuses.record(registered.holderId(), s.status(), s.category(), s.from(), s.to()));
        }
    }
}
