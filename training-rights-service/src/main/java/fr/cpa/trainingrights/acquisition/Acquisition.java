package fr.cpa.trainingrights.acquisition;

import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.activity.YearlyActivity;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.rules.AccountState;
import fr.cpa.trainingrights.rules.AcquisitionRules;
import fr.cpa.trainingrights.rules.Conversion;
import fr.cpa.trainingrights.rules.ParameterTable;
import fr.cpa.trainingrights.rules.YearFacts;
import fr.cpa.trainingrights.rules.YearlyCredit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One holder's yearly acquisition: the year's facts through the rules, an ACQUISITION entry with its
 * explanation, and for hours-era years the conversion at once (2018 hours credited in 2019 convert at
 * 15 €/h). Once per (holder, year): an existing ACQUISITION entry means done.
 */
@ApplicationScoped
public class Acquisition {

    /** What happened to the holder. */
    public enum Outcome { CREDITED, NOTHING_DUE, ALREADY_DONE, NO_ACCOUNT }

    private final Ledger ledger;
    private final YearlyActivity activity;
    private final AcquisitionRules rules = new AcquisitionRules(ParameterTable.LAW);
    private final Conversion conversion = new Conversion(ParameterTable.LAW);

    Acquisition(Ledger ledger, YearlyActivity activity) {
        this.ledger = ledger;
        this.activity = activity;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome acquire(UUID holderId, int year) {
        CpfAccount account = CpfAccount.findById(holderId);
        if (account == null || account.closed) {
            return Outcome.NO_ACCOUNT;
        }
        if (CpfEntry.count("holderId = ?1 and year = ?2 and kind = ?3", holderId, year, CpfEntry.Kind.ACQUISITION) > 0) {
            return Outcome.ALREADY_DONE;
        }
        YearFacts facts = activity.facts(account, year);
        if (facts.activities().isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        YearlyCredit credit = rules.credit(facts, new AccountState(account.ordinaryCents, account.hoursEraMinutes, account.hoursMinutes));
        String pot = switch (credit.pot()) {
            case HOURS_ERA -> CpfEntry.HOURS_ERA;
            case CIVIL_SERVANT_HOURS -> CpfEntry.CIVIL_SERVANT_HOURS;
            case ORDINARY, NONE -> CpfEntry.ORDINARY;
        };
        // a zero credit is recorded too: the holder sees why nothing came (job seeker, cap reached…)
        CpfEntry entry = ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.ACQUISITION, pot, credit.cents(),
                credit.minutes(), year, null, credit.explanation()));
        if (entry.amountCents == 0 && entry.minutes == 0) {
            return Outcome.NOTHING_DUE;
        }
        ledger.publishCredited(account, entry);
        if (CpfEntry.HOURS_ERA.equals(pot)) {
            Conversion.Result converted = conversion.convert(account.hoursEraMinutes, 0, LocalDate.now());
            ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.CONVERSION, CpfEntry.HOURS_ERA, 0, -converted.minutes(),
                    year, null, List.of(converted.explanation())));
            CpfEntry euros = ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.CONVERSION, CpfEntry.ORDINARY,
                    converted.cents(), 0, year, null, List.of(converted.explanation())));
            ledger.publishCredited(account, euros);
        }
        return Outcome.CREDITED;
    }
}
