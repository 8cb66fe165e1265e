package fr.cpa.trainingrights.enrolment;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.CpfMovement;
import fr.cpa.platform.contract.EnrolmentRequested;
import fr.cpa.platform.contract.EnrolmentTransition;
import fr.cpa.platform.contract.FundsRefused;
import fr.cpa.platform.contract.FundsReserved;
import fr.cpa.platform.contract.FundsSettled;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.event.MalformedEventException;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.refund.Refunds;
import fr.cpa.trainingrights.rules.CoPayment;
import fr.cpa.trainingrights.rules.ParameterTable;
import fr.cpa.trainingrights.rules.Explanation;
import fr.cpa.trainingrights.rules.FunderType;
import fr.cpa.trainingrights.rules.Spending;
import fr.cpa.trainingrights.rules.YoungWithoutDiploma;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The CPF side of the enrolment saga ({@code cpa.enrolment.v1} → {@code cpa.funding.v1}): a request
 * places holds pot by pot in spending order (or is refused with a reason), entry into training
 * captures them, a refusal or cancellation releases them — except a late cancellation
 * ({@code fullRecredit = false}), whose rights are spent.
 */
@ApplicationScoped
public class EnrolmentEvents {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final Ledger ledger;
    private final Outbox outbox;
    private final EntityManager em;
    private final Refunds refunds;
    private final Spending spending = new Spending(ParameterTable.LAW);
    private final CoPayment coPayment = new CoPayment(ParameterTable.LAW);
    private final YoungWithoutDiploma young = new YoungWithoutDiploma(ParameterTable.LAW);

    EnrolmentEvents(IdempotentConsumer consumer, EventJson json, Ledger ledger, Outbox outbox, EntityManager em, Refunds refunds) {
        this.refunds = refunds;
        this.consumer = consumer;
        this.json = json;
        this.ledger = ledger;
        this.outbox = outbox;
        this.em = em;
    }

    @Incoming("enrolments")
    @Blocking
    public void onEnrolmentEvent(ConsumerRecord<String, String> record) {
        consumer.consume("training-rights.enrolments", record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case EnrolmentRequested.TYPE -> requested(event, json.data(event, EnrolmentRequested.class));
            case EnrolmentTransition.STARTED -> settle(event, json.data(event, EnrolmentTransition.class), true);
            case EnrolmentTransition.REFUSED -> settle(event, json.data(event, EnrolmentTransition.class), false);
            case EnrolmentTransition.CANCELLED -> cancelled(event, json.data(event, EnrolmentTransition.class));
            default -> { } // completed: nothing left to do on the CPF
        }
    }

    private void requested(EventEnvelope event, EnrolmentRequested r) {
        if (r.enrolmentId() == null || r.holderId() == null || r.price() == null || r.price().amount() <= 0
                || r.certificationType() == null) {
            throw new MalformedEventException("EnrolmentRequested needs enrolmentId, holderId, certificationType and a positive price");
        }
        if (CpfEntry.count("enrolmentId", r.enrolmentId()) > 0) {
            return; // already answered
        }
        CpfAccount account = CpfAccount.findById(r.holderId());
        if (account == null) {
            refuse(r, Spending.ACCOUNT_CLOSED, "no CPF is known for this holder"); // the code consumers already know
            return;
        }
        // a closed account (pension claimed, L6323-3) is not refused here: it may still buy volunteer-mission training
        // with its CEC money (DOMAIN.md §1 "Scope", §3); Spending refuses it anything else with ACCOUNT_CLOSED
        LocalDate today = event.time() == null ? LocalDate.now(PARIS) : LocalDate.ofInstant(event.time(), PARIS);
        // r.employerCoFunding() is what the holder typed in their request: informational only, read so that old events
        // still parse, never used. The co-payment exemption and the driving licence's co-funding come from the top-ups
        // the plan actually spends (their funder), else one cent declared would waive 103.20 € and open a licence.
        Map<String, Ledger.PotBalance> balances = ledger.pots(r.holderId());
        List<Spending.Pot> pots = new ArrayList<>();
        balances.values().forEach(p -> {
            Spending.PotKind kind = switch (p.kind()) {
                case "ORDINARY" -> Spending.PotKind.ORDINARY;
                case "CEC" -> Spending.PotKind.CEC;
                case "TOP_UP" -> Spending.PotKind.TOP_UP;
                default -> null; // hours are not spent on the public catalogue
            };
            if (kind != null) {
                pots.add(new Spending.Pot(p.pot(), kind, p.availableCents(), p.earmarkedTo(),
                        FunderType.ofFunder(p.funder()).orElse(null)));
            }
        });
        Spending.Plan plan = spending.plan(new Spending.Purchase(today, r.certificationType(), r.certificationCode(),
                r.price().amount(), r.jobSeeker(), account.closed), pots);
        boolean noRights = plan.refusal().filter(Spending.INSUFFICIENT_RIGHTS::equals).isPresent();
        if (plan.refusal().isPresent() && !noRights) {
            refuse(r, plan.refusal().get(), plan.explanation().result());
            return;
        }
        // a young person without a diploma: the region pays the shortfall on a qualifying training
        long shortfall = noRights ? r.price().amount() : plan.remainderDueByHolder();
        Optional<YoungWithoutDiploma.TopUp> region = young.regionalTopUp(today, account.birthDate,
                hasStatus(r.holderId(), YOUNG_WITHOUT_DIPLOMA, today), r.certificationType(), shortfall);
        if (noRights && region.isEmpty()) {
            refuse(r, plan.refusal().get(), plan.explanation().result());
            return;
        }
        Map<String, Long> byPot = new LinkedHashMap<>(plan.byPot());
        List<Explanation> why = new ArrayList<>(List.of(plan.explanation()));
        if (region.isPresent()) {
            CpfEntry topUp = regionalTopUp(account, r, region.get());
            byPot.put(topUp.pot, region.get().cents());
            why.add(region.get().explanation());
        }
        boolean c2pOnly = !byPot.isEmpty() && byPot.keySet().stream().allMatch(CpfEntry.C2P_POT::equals);
        boolean workAccident = byPot.keySet().stream().anyMatch(this::isWorkAccidentTopUp);
        // "purchases with an employer or OPCO top-up" (DOMAIN.md §1): such a pot pays part of this hold; the region's
        // young-without-diploma top-up added above is REGION money and exempts nothing
        boolean employerOrOpco = plan.topUpFunders().stream().anyMatch(FunderType::exemptsCoPayment);
        // Volunteer-mission training paid with CEC money owes the co-payment like any purchase, a retired holder's
        // included: DOMAIN.md §1 charges it "on each purchase", "even when the balance covers the price", and lists
        // its exemptions (job seekers, employer or OPCO top-up, C2P points, work-accident top-up); neither CEC money
        // nor retirement is one of them. Only the job-seeker exemption can apply, since the plan spends nothing but
        // the CEC pot on that training (no top-up, no C2P money).
        CoPayment.Result due = coPayment.due(today, new CoPayment.Exemptions(r.jobSeeker(), employerOrOpco, c2pOnly, workAccident));
        why.add(due.explanation());
        Map<String, Money> held = new LinkedHashMap<>();
        boolean first = true;
        CpfEntry last = null;
        long total = 0;
        for (var e : byPot.entrySet()) {
            last = ledger.append(account, new Ledger.Draft(CpfEntry.Kind.HOLD, e.getKey(), 0, e.getValue(), 0, null,
                    r.enrolmentId(), first ? event.id() : null, null, null, null, why));
            first = false;
            total += e.getValue();
            held.put(e.getKey(), Money.cents(e.getValue()));
        }
        ledger.publishMovement(CpfMovement.HOLD_CHANGED, account, last, total);
        outbox.publish(Topics.FUNDING, FundsReserved.TYPE, r.holderId(), new FundsReserved(r.enrolmentId(), r.holderId(),
                held, Money.cents(region.isPresent() ? 0 : plan.remainderDueByHolder()), Money.cents(due.cents())));
    }

    static final String YOUNG_WITHOUT_DIPLOMA = "YOUNG_WITHOUT_DIPLOMA";

    private boolean hasStatus(UUID holderId, String status, LocalDate day) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from holder_status where holder_id = :h and status = :s
                          and valid_from <= :d and (valid_to is null or valid_to >= :d)""")
                .setParameter("h", holderId).setParameter("s", status).setParameter("d", day).getSingleResult()).longValue() > 0;
    }

    /**
     * The region's top-up for this enrolment only: its own pot (TOP_UP:&lt;entry id&gt;, kind
     * YOUNG_WITHOUT_DIPLOMA, funder REGION), bound to the enrolment and earmarked to its certification;
     * withdrawn again if the money comes back (release or refund), see {@link Refunds}.
     */
    private CpfEntry regionalTopUp(CpfAccount account, EnrolmentRequested r, YoungWithoutDiploma.TopUp topUp) {
        CpfEntry entry = ledger.append(account, new Ledger.Draft(CpfEntry.Kind.TOP_UP, null, topUp.cents(), 0, 0, null,
                r.enrolmentId(), null, YOUNG_WITHOUT_DIPLOMA, "REGION young-without-diploma",
                r.certificationCode() == null ? null : java.util.Set.of(r.certificationCode()), List.of(topUp.explanation())));
        ledger.publishCredited(account, entry);
        return entry;
    }

    private boolean isWorkAccidentTopUp(String pot) {
        if (!pot.startsWith(CpfEntry.TOP_UP_PREFIX)) {
            return false;
        }
        CpfEntry topUp = CpfEntry.findById(UUID.fromString(pot.substring(CpfEntry.TOP_UP_PREFIX.length())));
        return topUp != null && "WORK_ACCIDENT".equals(topUp.topUpKind);
    }

    private void refuse(EnrolmentRequested r, String reason, String detail) {
        outbox.publish(Topics.FUNDING, FundsRefused.TYPE, r.holderId(), new FundsRefused(r.enrolmentId(), r.holderId(), reason, detail));
    }

    /**
     * A cancellation: before the capture, a full re-credit releases the hold and a late one
     * ({@code fullRecredit = false}) spends it; after the capture, a full re-credit refunds every pot
     * what it paid (REFUND entries) and a late one changes nothing.
     */
    private void cancelled(EventEnvelope event, EnrolmentTransition t) {
        boolean fullRecredit = !Boolean.FALSE.equals(t.fullRecredit());
        if (settle(event, t, !fullRecredit) || !fullRecredit) {
            return;
        }
        CpfAccount account = CpfAccount.findById(t.holderId());
        if (account != null) {
            refunds.refundAllOnCancellation(account, t.enrolmentId(), event.id(), t.reason());
        }
    }

    /**
     * Captures (spends) or releases what is still held for the enrolment, pot by pot. Returns false if
     * nothing was held (refused, never held, or already settled).
     */
    private boolean settle(EventEnvelope event, EnrolmentTransition t, boolean capture) {
        if (t.enrolmentId() == null || t.holderId() == null) {
            throw new MalformedEventException(event.type() + " needs enrolmentId and holderId");
        }
        CpfAccount account = CpfAccount.findById(t.holderId());
        if (account == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> stillHeld = em.createNativeQuery("""
                        select pot, sum(held_cents) from cpf_entry where enrolment_id = :e and holder_id = :h
                        group by pot having sum(held_cents) > 0 order by min(line)""")
                .setParameter("e", t.enrolmentId()).setParameter("h", t.holderId()).getResultList();
        if (stillHeld.isEmpty()) {
            return false; // refused, never held, or already settled
        }
        long total = 0;
        CpfEntry last = null;
        boolean first = true;
        for (Object[] row : stillHeld) {
            long cents = ((Number) row[1]).longValue();
            total += cents;
            fr.cpa.trainingrights.rules.Explanation why = new fr.cpa.trainingrights.rules.Explanation(
                    capture ? "CAPTURE" : "RELEASE", "L6323-6; catalogue's " + event.type(), List.of(),
                    Map.of("enrolmentId", t.enrolmentId().toString(), "event", event.type(),
                            "reason", String.valueOf(t.reason()), "fullRecredit", String.valueOf(t.fullRecredit())),
                    List.of((capture ? "spend " : "give back ") + Money.cents(cents) + " held in " + row[0]),
                    capture ? "the training is paid from " + row[0] : "the money is available again");
            last = ledger.append(account, new Ledger.Draft(capture ? CpfEntry.Kind.CAPTURE : CpfEntry.Kind.RELEASE,
                    (String) row[0], capture ? -cents : 0, -cents, 0, null, t.enrolmentId(), first ? event.id() : null,
                    null, null, null, List.of(why)));
            first = false;
            if (!capture) {
                refunds.withdrawIfBoundToEnrolment(account, (String) row[0], cents, t.enrolmentId(), "released");
            }
        }
        ledger.publishMovement(capture ? CpfMovement.DEBITED : CpfMovement.HOLD_CHANGED, account, last, total);
        outbox.publish(Topics.FUNDING, capture ? FundsSettled.CAPTURED : FundsSettled.RELEASED, t.holderId(),
                new FundsSettled(t.enrolmentId(), t.holderId(), Money.cents(total)));
        return true;
    }
}
