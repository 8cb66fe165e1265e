package fr.cpa.platform.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An amount of money in integer euro cents: {@code {"amount": 50000, "currency": "EUR"}} is 500 €.
 * Never a floating-point number, in storage, events or the API.
 */
@Schema(description = "Money in integer cents", example = "{\"amount\": 50000, \"currency\": \"EUR\"}")
public record Money(
        @Schema(description = "amount in cents", example = "50000") long amount,
        @Schema(description = "ISO 4217 code; only EUR", example = "EUR") String currency) {

    public static final String EUR = "EUR";
    public static final Money ZERO = new Money(0, EUR);

    @JsonCreator
    public Money(@JsonProperty("amount") long amount, @JsonProperty("currency") String currency) {
        if (currency != null && !EUR.equals(currency)) {
            throw new IllegalArgumentException("only EUR is supported, got " + currency);
        }
        this.amount = amount;
        this.currency = EUR;
    }

    public static Money cents(long cents) {
        return new Money(cents, EUR);
    }

    public static Money euros(long euros) {
        return new Money(Math.multiplyExact(euros, 100L), EUR);
    }

    public Money plus(Money other) {
        return cents(Math.addExact(amount, other.amount));
    }

    public Money minus(Money other) {
        return cents(Math.subtractExact(amount, other.amount));
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount < 0;
    }

    @Override
    public String toString() {
        long abs = Math.abs(amount);
        return (amount < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100) + " €";
    }
}
