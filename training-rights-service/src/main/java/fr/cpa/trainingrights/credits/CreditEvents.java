package fr.cpa.trainingrights.credits;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.C2pPointsConverted;
import fr.cpa.platform.contract.CecCredited;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.event.MalformedEventException;
import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.rules.Conversion;
import fr.cpa.trainingrights.rules.Explanation;
import fr.cpa.trainingrights.rules.ParameterTable;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Money from the other CPA accounts lands in its own pot: hardship points converted for training
 * ({@code cpa.c2p.v1}, pot C2P, outside the cap) and civic-engagement credit ({@code cpa.cec.v1}, pot
 * CEC, spent after ordinary rights). The entry records the event id: an event never credits twice.
 */
@ApplicationScoped
public class CreditEvents {

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final Ledger ledger;
    private final Conversion conversion = new Conversion(ParameterTable.LAW);

    private final Clock clock;

    CreditEvents(IdempotentConsumer consumer, EventJson json, Ledger ledger, Clock clock) {
        this.clock = clock;
        this.consumer = consumer;
        this.json = json;
        this.ledger = ledger;
    }

    @Incoming("hardship")
    @Blocking
    public void onHardshipEvent(ConsumerRecord<String, String> record) {
        consumer.consume("training-rights.c2p", record, this::applyC2p);
    }

    @Incoming("civic")
    @Blocking
    public void onCivicEvent(ConsumerRecord<String, String> record) {
        consumer.consume("training-rights.cec", record, this::applyCec);
    }

    void applyC2p(EventEnvelope event) {
        if (!C2pPointsConverted.TYPE.equals(event.type())) {
            return; // points awarded stay on the hardship account until converted
        }
        C2pPointsConverted c = json.data(event, C2pPointsConverted.class);
        if (c.holderId() == null || c.amount() == null || c.amount().amount() <= 0 || c.points() <= 0) {
            throw new MalformedEventException("C2pPointsConverted needs holderId, positive points and amount");
        }
        CpfAccount account = account(c.holderId());
        Explanation why = new Explanation("C2P_CONVERSION", "L4163-7, R4163-12 (points used for " + c.use() + ")",
                List.of(), Map.of("points", String.valueOf(c.points()), "use", String.valueOf(c.use()),
                "useId", String.valueOf(c.useId())), List.of(c.points() + " points = " + c.amount() + " (hardship-service's rate)"),
                "credit " + c.amount() + " to the C2P pot, outside the cap; no co-payment on what it pays");
        CpfEntry entry = ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.C2P, CpfEntry.C2P_POT,
                c.amount().amount(), 0, null, event.id(), List.of(why)));
        ledger.publishCredited(account, entry);
    }

    void applyCec(EventEnvelope event) {
        if (!CecCredited.TYPE.equals(event.type())) {
            return;
        }
        CecCredited c = json.data(event, CecCredited.class);
        boolean euros = c.amount() != null && c.amount().amount() > 0;
        boolean hours = c.minutes() != null && c.minutes() > 0;
        if (c.holderId() == null || euros == hours) {
            throw new MalformedEventException("CecCredited needs holderId and either a positive amount or positive minutes");
        }
        CpfAccount account = account(c.holderId());
        List<Explanation> why = new ArrayList<>();
        long cents = euros ? c.amount().amount() : 0;
        why.add(new Explanation("CEC_CREDIT", "L5151-7 ff.; D5151-11 (spent after ordinary rights)", List.of(),
                Map.of("year", String.valueOf(c.year()), "activity", String.valueOf(c.activity()),
                        "creditId", String.valueOf(c.creditId())), List.of(),
                euros ? "credit " + c.amount() + " to the CEC pot" : "credit " + c.minutes() + " min of CEC hours"));
        if (hours) {
            // 2017–2018 CEC hours: the CPF is in euros since 1 January 2019; CEC hours convert at their own rate
            Conversion.Result converted = conversion.convertCec(c.minutes(), LocalDate.now(clock));
            cents = converted.cents();
            why.add(converted.explanation());
        }
        CpfEntry entry = ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.CEC, CpfEntry.CEC_POT, cents, 0,
                c.year(), event.id(), why));
        ledger.publishCredited(account, entry);
    }

    private static CpfAccount account(UUID holderId) {
        CpfAccount account = CpfAccount.findById(holderId);
        if (account == null) {
            // retried, then dead-lettered: the HolderRegistered event has not arrived (or never will)
            throw new IllegalStateException("no CPF account for holder " + holderId + " yet");
        }
        return account;
    }

}
