package fr.cpa.trainingrights.acquisition;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V8 keeps with each ACQUISITION the balances its credit was computed on. The acquisitions written before it get them
 * from the ledger: the sums of the holder's entries before the acquisition's line (spending, top-ups and other holders
 * left where they belong).
 */
class CapBaseMigrationTest {

    static final String SPENDER = "00000000-0000-0000-0000-00000000000a";
    static final String CIVIL_SERVANT = "00000000-0000-0000-0000-00000000000b";

    static MigrationDatabase db;

    @BeforeAll
    static void ledgerWrittenBeforeV8() throws SQLException {
        db = MigrationDatabase.at("capbase", "7");
        db.sql("""
                insert into cpf_account (holder_id, birth_date, opened_at, ordinary_cents, top_up_cents, hours_minutes, entry_count)
                values ('%1$s', '1980-01-01', now(), 390000, 100000, 0, 8), ('%2$s', '1980-01-01', now(), 0, 0, 4500, 3);
                insert into cpf_entry (id, holder_id, line, kind, pot, amount_cents, held_cents, minutes, year, explanation, created_at)
                values (gen_random_uuid(), '%1$s', 1, 'CONVERSION', 'ORDINARY', 480000, 0, 0, 2018, '[]', now()),
                       (gen_random_uuid(), '%1$s', 2, 'ACQUISITION', 'ORDINARY', 20000, 0, 0, 2023, '[]', now()),
                       (gen_random_uuid(), '%1$s', 3, 'TOP_UP', 'TOP_UP:x', 100000, 0, 0, null, '[]', now()),
                       (gen_random_uuid(), '%1$s', 4, 'HOLD', 'ORDINARY', 0, 300000, 0, null, '[]', now()),
                       (gen_random_uuid(), '%1$s', 5, 'CAPTURE', 'ORDINARY', -300000, -300000, 0, null, '[]', now()),
                       (gen_random_uuid(), '%1$s', 6, 'ACQUISITION', 'ORDINARY', 50000, 0, 0, 2024, '[]', now()),
                       (gen_random_uuid(), '%1$s', 7, 'CORRECTION', 'ORDINARY', 30000, 0, 0, 2023, '[]', now()),
                       (gen_random_uuid(), '%1$s', 8, 'ACQUISITION', 'ORDINARY', 110000, 0, 0, 2025, '[]', now()),
                       (gen_random_uuid(), '%2$s', 1, 'ACQUISITION', 'CIVIL_SERVANT_HOURS', 0, 0, 1500, 2020, '[]', now()),
                       (gen_random_uuid(), '%2$s', 2, 'ACQUISITION', 'CIVIL_SERVANT_HOURS', 0, 0, 1500, 2021, '[]', now()),
                       (gen_random_uuid(), '%2$s', 3, 'ACQUISITION', 'CIVIL_SERVANT_HOURS', 0, 0, 1500, 2022, '[]', now());"""
                .formatted(SPENDER, CIVIL_SERVANT));
        db.migrate();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static List<List<Object>> bases(String holder) throws SQLException {
        return db.rows("select line, cap_base_cents, cap_base_minutes from cpf_entry where holder_id = '%s' order by line"
                .formatted(holder)).stream()
                .map(r -> Arrays.asList((Object) ((Number) r.get(0)).longValue(), r.get(1), r.get(2))).toList();
    }

    static List<Object> line(long line, Long cents, Long minutes) {
        return Arrays.asList(line, cents, minutes);
    }

    @Test
    void anAcquisitionGetsTheOrdinaryBalanceOfItsTimeSpendingAndTopUpsIncludedWhereTheyBelong() throws SQLException {
        assertEquals(List.of(
                line(1, null, null),
                line(2, 480_000L, 0L),          // the converted hours only
                line(3, null, null),
                line(4, null, null),
                line(5, null, null),
                line(6, 200_000L, 0L),          // 4 800 + 200 − 3 000 spent; the top-up is outside the cap
                line(7, null, null),            // a correction is computed on its year's acquisition's base
                line(8, 280_000L, 0L)),         // … + 500 (2024) + 300 (a correction of 2023 written before 2025's credit)
                bases(SPENDER));
    }

    @Test
    void aCivilServantsAcquisitionGetsTheHoursOfItsTime() throws SQLException {
        assertEquals(List.of(line(1, 0L, 0L), line(2, 0L, 1500L), line(3, 0L, 3000L)), bases(CIVIL_SERVANT));
    }
}
