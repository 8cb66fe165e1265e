package fr.cpa.trainingrights.rules;

/**
 * The statutory balances the caps apply to: ordinary euros (top-ups and CEC excluded: they are
 * outside the cap), hours-era hours of a private employee (before the 2019 conversion) and civil
 * servants' hours, in minutes.
 */
public record AccountState(long ordinaryCents, long hoursEraMinutes, long civilServantMinutes) {

    public static final AccountState EMPTY = new AccountState(0, 0, 0);

    public AccountState after(YearlyCredit credit) {
        return switch (credit.pot()) {
            case ORDINARY -> new AccountState(ordinaryCents + credit.cents(), hoursEraMinutes, civilServantMinutes);
            case HOURS_ERA -> new AccountState(ordinaryCents, hoursEraMinutes + credit.minutes(), civilServantMinutes);
            case CIVIL_SERVANT_HOURS -> new AccountState(ordinaryCents, hoursEraMinutes, civilServantMinutes + credit.minutes());
            case NONE -> this;
        };
    }
}
