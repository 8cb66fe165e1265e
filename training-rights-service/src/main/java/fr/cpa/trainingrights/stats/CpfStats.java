package fr.cpa.trainingrights.stats;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/stats/cpf} (STATS.md): aggregated, non-personal CPF figures. */
@Schema(name = "CpfStats")
public record CpfStats(Instant asOf, List<CreditLine> creditsByYear, List<SpendingMonth> spendingByMonth) {

    /** Credits of one year, kind and funder type (top-ups only). */
    public record CreditLine(int year, String kind, String funderType, long entries, Money amount) {
    }

    /** Money held, captured (spent) and released in one month (UTC). */
    public record SpendingMonth(String month, Money held, Money captured, Money released) {
    }
}
