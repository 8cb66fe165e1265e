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

    /**
     * Every situation is kept as a dated period, low-qualified and disabled-worker ones included: the rates of a year
     * are decided from the periods that cover it ({@code YearlyActivity}), so ending a declaration stops the higher
     * credit from the next year and a second period does not erase the first.
     */
    private void statusChanged(HolderStatusChanged changed) {
        if (CpfAccount.findById(changed.holderId()) == null) {
            throw new IllegalStateException("status change for holder " + changed.holderId() + " before its registration");
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
        // the registration's open-ended dates become periods like any other (before the listed statuses, which may
        // carry the same period with its end and must win)
        if (registered.lowQualifiedFrom() != null) {
            holderStatuses.record(registered.holderId(), "LOW_QUALIFIED", null, registered.lowQualifiedFrom(), null);
        }
        if (registered.disabledWorkerFrom() != null) {
            holderStatuses.record(registered.holderId(), "DISABLED_WORKER", null, registered.disabledWorkerFrom(), null);
        }
        if (registered.statuses() != null) {
            registered.statuses().forEach(s -> holderStatuses.record(registered.holderId(), s.status(), s.category(), s.from(), s.to()));
        }
    }
}
