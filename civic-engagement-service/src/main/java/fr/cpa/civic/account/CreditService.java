package fr.cpa.civic.account;

import fr.cpa.civic.rules.CecParameters;
import fr.cpa.civic.rules.CecTotals;
import fr.cpa.civic.rules.Credit;
import fr.cpa.civic.rules.CreditRule;
import fr.cpa.civic.rules.Eligibility;
import fr.cpa.civic.rules.YearlyCredit;
import fr.cpa.platform.contract.CecCredited;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Credits a qualifying year to the CEC, once per holder, year and category, and emits
 * {@code CecCredited} through the outbox in the same transaction.
 */
@ApplicationScoped
public class CreditService {

    /** What the engagement flows learn: the credit made now, or why there is none. */
    public record Outcome(Optional<CecCredit> credited, List<String> explanation) {
    }

    private final Outbox outbox;

    CreditService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Locks the holder's account until the transaction ends, so that what follows (reading the year's
     * validated hours, crediting) sees every concurrent decision for this holder committed before it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAccount(UUID holderId) {
        CecAccount.findById(holderId, LockModeType.PESSIMISTIC_WRITE);
    }

    public static boolean hasAccount(UUID holderId) {
        return CecAccount.findById(holderId) != null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome creditIfQualifying(UUID holderId, int year, Eligibility eligibility) {
        List<String> why = new ArrayList<>(eligibility.explanation());
        if (!eligibility.qualifies()) {
            return new Outcome(Optional.empty(), why);
        }
        // The account's row lock orders concurrent credits of one holder: the cap sees every one before it.
        CecAccount account = CecAccount.findById(holderId, LockModeType.PESSIMISTIC_WRITE);
        String kind = eligibility.kind().name();
        if (CecCredit.exists(holderId, year, kind)) {
            why.add(year + ": " + eligibility.kind().label()
                    + " is already credited for this year: one credit per category per year");
            return new Outcome(Optional.empty(), why);
        }
        CecTotals before = new CecTotals(account.creditCents, account.creditMinutes);
        Credit credit = CreditRule.credit(year, eligibility.kind(), before, CecParameters.LAW).orElseThrow();
        why.addAll(credit.explanation());

        CecCredit row = new CecCredit();
        row.id = UUID.randomUUID();
        row.holderId = holderId;
        row.year = year;
        row.kind = kind;
        row.unit = credit.unit().name();
        row.value = credit.value();
        row.explanation = String.join("\n", why);
        row.creditedAt = Instant.now();
        row.persist();
        account.creditCents = credit.after().cents();
        account.creditMinutes = credit.after().minutes();
        Panache.getEntityManager().flush();

        if (credit.value() > 0) {
            boolean euros = credit.unit() == YearlyCredit.Unit.CENTS;
            outbox.publish(Topics.CEC, CecCredited.TYPE, holderId, new CecCredited(holderId, row.id, year, kind,
                    euros ? Money.cents(credit.value()) : null, euros ? null : credit.value(),
                    Money.cents(account.creditCents), account.creditMinutes));
        }
        return new Outcome(Optional.of(row), why);
    }
}
