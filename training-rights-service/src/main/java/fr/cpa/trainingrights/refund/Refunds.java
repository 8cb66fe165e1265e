package fr.cpa.trainingrights.refund;

import fr.cpa.platform.contract.FundsSettled;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.rules.Explanation;
import fr.cpa.trainingrights.rules.RefundSplit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * REFUND entries: money a training organisation pays back after a captured enrolment is cancelled or
 * ends early goes back to the pots it was captured from ({@link RefundSplit}). Two triggers:
 * <ul>
 *   <li>{@code EnrolmentCancelled} with {@code fullRecredit = true} after the capture — everything
 *   captured and not yet refunded comes back, once per event;</li>
 *   <li>{@code POST /api/v1/holders/{id}/cpf/refunds} (admin or service, Idempotency-Key) for what an
 *   organisation pays back otherwise (a training ended early, partly delivered).</li>
 * </ul>
 * Money that a top-up bound to the enrolment (the region's young-without-diploma top-up) gets back is
 * withdrawn at once: it funded that training only and goes back to the region, never to the holder.
 */
@ApplicationScoped
public class Refunds {

    private final Ledger ledger;
    private final Outbox outbox;
    private final EntityManager em;

    Refunds(Ledger ledger, Outbox outbox, EntityManager em) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.em = em;
    }

    /** What each pot paid for the enrolment and got back, in spending order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RefundSplit.Captured> captured(UUID holderId, UUID enrolmentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select pot, sum(case when kind = 'CAPTURE' then -amount_cents else 0 end),
                               sum(case when kind = 'REFUND' then amount_cents else 0 end)
                        from cpf_entry where holder_id = :h and enrolment_id = :e and kind in ('CAPTURE', 'REFUND')
                        group by pot order by min(line)""")
                .setParameter("h", holderId).setParameter("e", enrolmentId).getResultList();
        List<RefundSplit.Captured> pots = new ArrayList<>();
        for (Object[] r : rows) {
            pots.add(new RefundSplit.Captured((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return pots;
    }

    /**
     * A cancellation after the capture with a full re-credit: everything captured and not yet refunded
     * comes back. Returns the cents refunded (0 if nothing was captured or all was already refunded).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long refundAllOnCancellation(CpfAccount account, UUID enrolmentId, UUID eventId, String reason) {
        List<RefundSplit.Captured> pots = captured(account.holderId, enrolmentId);
        long refundable = RefundSplit.refundable(pots);
        if (refundable == 0) {
            return 0;
        }
        List<CpfEntry> entries = append(account, enrolmentId, RefundSplit.split(pots, refundable), eventId,
                Map.of("trigger", "EnrolmentCancelled", "fullRecredit", "true", "reason", String.valueOf(reason)));
        outbox.publish(Topics.FUNDING, FundsSettled.RELEASED, account.holderId,
                new FundsSettled(enrolmentId, account.holderId, Money.cents(refundable)));
        return entries.isEmpty() ? 0 : refundable;
    }

    /** An organisation's refund recorded by an admin or a platform service. */
    @Transactional
    public List<CpfEntry> refund(UUID holderId, RefundRequest request, String recordedBy) {
        CpfAccount account = CpfAccount.findById(holderId);
        if (account == null) {
            throw ProblemException.notFound("CPF account of holder " + holderId);
        }
        List<RefundSplit.Captured> pots = captured(holderId, request.enrolmentId());
        long refundable = RefundSplit.refundable(pots);
        if (pots.isEmpty()) {
            throw ProblemException.unprocessable("nothing-captured", "nothing was spent from this CPF for enrolment " + request.enrolmentId());
        }
        if (request.amount().amount() > refundable) {
            throw ProblemException.invalid("amount.amount", "at most " + refundable + " cents: what was captured for the enrolment and not yet refunded");
        }
        return append(account, request.enrolmentId(), RefundSplit.split(pots, request.amount().amount()), null,
                Map.of("trigger", "organisation refund", "recordedBy", recordedBy, "reason", request.reason()));
    }

    private List<CpfEntry> append(CpfAccount account, UUID enrolmentId, RefundSplit.Result split, UUID eventId,
                                  Map<String, String> context) {
        Explanation rule = split.explanation();
        java.util.Map<String, String> inputs = new java.util.TreeMap<>(rule.inputs());
        inputs.putAll(context);
        inputs.put("enrolmentId", enrolmentId.toString());
        Explanation why = new Explanation(rule.rule(), rule.legalReference(), rule.parameters(), inputs, rule.arithmetic(), rule.result());
        List<CpfEntry> entries = new ArrayList<>();
        boolean first = true;
        for (var back : split.byPot().entrySet()) {
            CpfEntry entry = ledger.append(account, new Ledger.Draft(CpfEntry.Kind.REFUND, back.getKey(), back.getValue(), 0, 0,
                    null, enrolmentId, first ? eventId : null, null, null, null, List.of(why)));
            if (first && eventId != null && entry.kind != CpfEntry.Kind.REFUND) {
                return List.of(); // this event was applied already
            }
            first = false;
            entries.add(entry);
            ledger.publishCredited(account, entry);
            withdrawIfBoundToEnrolment(account, back.getKey(), back.getValue(), enrolmentId, "refunded by the organisation");
        }
        return entries;
    }

    /**
     * A top-up granted for one enrolment (the region's young-without-diploma top-up) funds that training
     * only: what comes back to it (a release or a refund) is withdrawn, so it never stays on the CPF.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawIfBoundToEnrolment(CpfAccount account, String pot, long cents, UUID enrolmentId, String why) {
        if (!pot.startsWith(CpfEntry.TOP_UP_PREFIX)) {
            return;
        }
        CpfEntry topUp = CpfEntry.findById(UUID.fromString(pot.substring(CpfEntry.TOP_UP_PREFIX.length())));
        if (topUp == null || topUp.enrolmentId == null || !topUp.enrolmentId.equals(enrolmentId)) {
            return;
        }
        Explanation explanation = new Explanation("TOP_UP_WITHDRAWN", "L6323-7 (region's funding of a young person's qualifying training)",
                List.of(), Map.of("enrolmentId", enrolmentId.toString(), "topUpKind", String.valueOf(topUp.topUpKind),
                "funder", String.valueOf(topUp.funder), "cents", Long.toString(cents)),
                List.of(Money.cents(cents) + " " + why + " goes back to " + topUp.funder + ", not to the holder"),
                "the top-up bound to this enrolment is withdrawn by " + Money.cents(cents));
        ledger.append(account, new Ledger.Draft(CpfEntry.Kind.TOP_UP, pot, -cents, 0, 0, null, enrolmentId, null,
                topUp.topUpKind, topUp.funder, null, List.of(explanation)));
    }
}
