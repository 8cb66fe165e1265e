package fr.cpa.civic.rules;

/** A measured quantity of an engagement, named as the API names its field. */
public enum Quantity {
    MONTHS("months", "months"),
    DAYS("days", "days"),
    HOURS("hours", "h"),
    MAX_HOURS_IN_ONE_ASSOCIATION("maxHoursInOneAssociation", "h in one association"),
    MAX_HOURS_IN_ONE_BODY("maxHoursInOneBody", "h in one host body"),
    ENGAGEMENT_YEARS("engagementYears", "years of engagement"),
    CONTINUOUS_YEARS("continuousYears", "continuous years"),
    DUTIES("duties", "duties a year"),
    INTERVENTIONS("interventions", "interventions");

    private final String field;
    private final String unit;

    Quantity(String field, String unit) {
        this.field = field;
        this.unit = unit;
    }

    /** The JSON field that carries this quantity in requests. */
    public String field() {
        return field;
    }

    String unit() {
        return unit;
    }
}
