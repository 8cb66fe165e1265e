package fr.cpa.civic.rules;

import java.util.List;

/**
 * The ten activity categories of the CEC (compte d'engagement citoyen, C. trav. L5151-9), each with
 * the quantities a declaration of it carries and the window over which they are assessed. The
 * minimums themselves are dated parameters ({@link CecParameters}).
 */
public enum ActivityKind {
    /** Service civique and international volunteering (L5151-9 1°). */
    CIVIC_SERVICE("civic service", "continuous months of mission", List.of(Quantity.MONTHS)),
    /** Réserve militaire opérationnelle (L5151-9 2°). */
    MILITARY_RESERVE("operational military reserve", "days of service in the calendar year", List.of(Quantity.DAYS)),
    /** Réserve sanitaire (L5151-9). */
    HEALTH_RESERVE("health reserve", "days of service in the calendar year", List.of(Quantity.DAYS)),
    /** Maître d'apprentissage (L5151-9). */
    APPRENTICESHIP_MASTER("apprenticeship master", "months of tutoring", List.of(Quantity.MONTHS)),
    /** Bénévolat associatif (L5151-9 3°): declared by the volunteer, validated by the association. */
    ASSOCIATION_VOLUNTEERING("association volunteering", "hours in the calendar year",
            List.of(Quantity.HOURS, Quantity.MAX_HOURS_IN_ONE_ASSOCIATION)),
    /** Sapeur-pompier volontaire (L5151-9). */
    VOLUNTEER_FIREFIGHTER("volunteer firefighter", "the signed engagement", List.of(Quantity.ENGAGEMENT_YEARS)),
    /** Réserve communale de sécurité civile (L5151-9). */
    COMMUNAL_RESERVE("communal civil-security reserve", "the engagement", List.of(Quantity.ENGAGEMENT_YEARS)),
    /** Réserve opérationnelle de la police nationale (L5151-9). */
    POLICE_RESERVE("police operational reserve", "the continuous engagement and the duties of the year",
            List.of(Quantity.CONTINUOUS_YEARS, Quantity.DUTIES)),
    /** Réserve citoyenne de l'éducation nationale (L5151-9). */
    EDUCATION_RESERVE("national-education civic reserve", "one year of engagement", List.of(Quantity.INTERVENTIONS)),
    /** Réserve civique et ses réserves thématiques (loi 2017-86). */
    CIVIC_RESERVE("civic and thematic reserves", "hours in the calendar year",
            List.of(Quantity.HOURS, Quantity.MAX_HOURS_IN_ONE_BODY));

    private final String label;
    private final String window;
    private final List<Quantity> quantities;

    ActivityKind(String label, String window, List<Quantity> quantities) {
        this.label = label;
        this.window = window;
        this.quantities = quantities;
    }

    /** The activity in words, for explanations. */
    public String label() {
        return label;
    }

    /** The assessment window: what the quantities are counted over. */
    public String window() {
        return window;
    }

    /** The quantities a declaration of this kind must carry. */
    public List<Quantity> quantities() {
        return quantities;
    }
}
