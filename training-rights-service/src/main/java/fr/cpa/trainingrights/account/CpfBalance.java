package fr.cpa.trainingrights.account;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** {@code GET /api/v1/holders/{id}/cpf}: the CPF's balances per pot. */
@Schema(name = "CpfBalance")
public record CpfBalance(
        UUID holderId,
        @Schema(description = "ordinary rights (droits acquis)") Money ordinary,
        @Schema(description = "civic-engagement (CEC) money, spent after ordinary rights") Money cec,
        @Schema(description = "top-ups (abondements), outside the cap") Money topUps,
        @Schema(description = "held for enrolments not yet started") Money held,
        @Schema(description = "what can be spent now: all pots less what is held") Money available,
        @Schema(description = "civil servants' rights in hours") long hoursBalanceMinutes) {

    static CpfBalance of(CpfAccount account) {
        long total = account.ordinaryCents + account.cecCents + account.topUpCents;
        return new CpfBalance(account.holderId, Money.cents(account.ordinaryCents), Money.cents(account.cecCents),
                Money.cents(account.topUpCents), Money.cents(account.heldCents),
                Money.cents(total - account.heldCents), account.hoursMinutes);
    }
}
