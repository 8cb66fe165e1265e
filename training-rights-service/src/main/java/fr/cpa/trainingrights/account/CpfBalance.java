package fr.cpa.trainingrights.account;

import fr.cpa.platform.money.Money;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.rules.Param;
import fr.cpa.trainingrights.rules.ParameterTable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code GET /api/v1/holders/{id}/cpf}: the CPF's balances per pot, what is held and available, the cap. */
@Schema(name = "CpfBalance")
public record CpfBalance(
        UUID holderId,
        @Schema(description = "ordinary rights (droits acquis)") Money ordinary,
        @Schema(description = "civic-engagement (CEC) money, spent after ordinary rights") Money cec,
        @Schema(description = "top-ups (abondements), outside the cap") Money topUps,
        @Schema(description = "held for enrolments not yet started") Money held,
        @Schema(description = "what can be spent now: all pots less what is held") Money available,
        @Schema(description = "civil servants' rights in hours, in minutes") long hoursBalanceMinutes,
        @Schema(description = "civil servants' rights in hours, 2 decimals") BigDecimal hoursBalance,
        @Schema(description = "the ceiling of ordinary rights for the holder's situation today") Money cap,
        @Schema(description = "what the yearly credits may still add before the cap") Money roomLeft,
        @Schema(description = "civil servants' ceiling in minutes (150 h; 400 h for category C without level 3)") long hoursCapMinutes,
        @Schema(description = "each pot, in spending order") List<Pot> pots,
        @Schema(description = "the holder claimed their pension (L6323-3): no more credits, and only volunteer-mission training may still be bought, with CEC money") boolean closed) {

    @Schema(name = "CpfPot")
    public record Pot(@Schema(example = "ORDINARY") String pot, String kind, Money balance, Money held, Money available,
                      long minutes, Set<String> earmarkedTo) {
    }

    /**
     * The holder's situation the caps depend on: low-qualified and disabled worker this year, the civil-servant
     * category (A, B, C, or null).
     */
    public record Situation(boolean lowQualified, boolean disabledWorker, String civilServantCategory) {
    }

    static CpfBalance of(CpfAccount account, List<Ledger.PotBalance> pots, ParameterTable table, LocalDate today,
                         Situation situation) {
        long total = account.ordinaryCents + account.cecCents + account.topUpCents;
        boolean higherCap = situation.lowQualified() || situation.disabledWorker();
        long cap = table.at(higherCap ? Param.LOW_QUALIFIED_CAP : Param.CAP, today).value();
        // 400 h only for category C without a level-3 diploma; A and B keep 150 h (DOMAIN.md §1, civil servants),
        // as AcquisitionRules credits them
        boolean categoryC = "C".equals(situation.civilServantCategory()) && situation.lowQualified();
        long hoursCap = table.at(categoryC ? Param.CIVIL_SERVANT_C_CAP : Param.CIVIL_SERVANT_CAP, today).value();
        return new CpfBalance(account.holderId, Money.cents(account.ordinaryCents), Money.cents(account.cecCents),
                Money.cents(account.topUpCents), Money.cents(account.heldCents),
                Money.cents(total - account.heldCents), account.hoursMinutes,
                BigDecimal.valueOf(account.hoursMinutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                Money.cents(cap), Money.cents(Math.max(0, cap - account.ordinaryCents)), hoursCap,
                pots.stream().map(p -> new Pot(p.pot(), p.kind(), Money.cents(p.cents()), Money.cents(p.heldCents()),
                        Money.cents(p.availableCents()), p.minutes(), p.earmarkedTo())).toList(),
                account.closed);
    }
}
