package fr.cpa.hardship.use;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An applied use: its value (amount, CPF minutes or quarters, by use) and the explanation. */
@Schema(name = "C2pUse")
public record UseView(UUID id, String use, int points, LocalDate usedOn, Money amount, Long minutes, Integer quarters,
                      List<String> explanation) {

    static UseView of(C2pUse use) {
        return new UseView(use.id, use.kind, use.points, use.usedOn,
                use.amountCents == null ? null : Money.cents(use.amountCents), use.minutes, use.quarters,
                use.explanationLines());
    }
}
