package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

/** A CPF's balances after a movement, carried by the {@code cpa.cpf.v1} events. */
public record CpfBalances(Money ordinary, Money cec, Money topUps, Money held, Money available, long hoursMinutes) {
}
