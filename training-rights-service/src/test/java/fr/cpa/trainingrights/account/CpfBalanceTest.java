package fr.cpa.trainingrights.account;

import fr.cpa.trainingrights.rules.ParameterTable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The caps the balance view shows for the holder's situation (DOMAIN.md §1, euros era and civil servants). */
class CpfBalanceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static CpfBalance balance(CpfBalance.Situation situation) {
        CpfAccount account = new CpfAccount();
        account.holderId = UUID.randomUUID();
        return CpfBalance.of(account, List.of(), ParameterTable.LAW, TODAY, situation);
    }

    @Test
    void fourHundredHoursOnlyForALowQualifiedCategoryCCivilServant() {
        // DOMAIN.md §1, civil servants from 2020: 25 h/year, cap 150 h; category C without a level-3 diploma: cap 400 h
        assertEquals(400 * 60, balance(new CpfBalance.Situation(true, false, "C")).hoursCapMinutes());
        assertEquals(150 * 60, balance(new CpfBalance.Situation(true, false, "A")).hoursCapMinutes());
        assertEquals(150 * 60, balance(new CpfBalance.Situation(true, false, "B")).hoursCapMinutes());
        assertEquals(150 * 60, balance(new CpfBalance.Situation(true, false, null)).hoursCapMinutes(), "never a civil servant");
        assertEquals(150 * 60, balance(new CpfBalance.Situation(false, false, "C")).hoursCapMinutes(), "C with a level-3 diploma");
    }

    @Test
    void eightThousandEurosForALowQualifiedOrDisabledWorker() {
        // DOMAIN.md §1, euros era: cap 5 000 €; low-qualified or OETH 8 000 €
        assertEquals(500_000, balance(new CpfBalance.Situation(false, false, null)).cap().amount());
        assertEquals(800_000, balance(new CpfBalance.Situation(true, false, null)).cap().amount());
        assertEquals(800_000, balance(new CpfBalance.Situation(false, true, null)).cap().amount());
    }
}
