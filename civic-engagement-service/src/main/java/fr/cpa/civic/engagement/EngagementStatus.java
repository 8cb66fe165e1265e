package fr.cpa.civic.engagement;

/** Where an engagement stands. */
public enum EngagementStatus {
    /** Declared by the volunteer, waiting for the association. */
    PENDING,
    /** Confirmed by the association, or declared by the responsible body. */
    VALIDATED,
    /** Refused by the association. */
    REJECTED,
    /** Not decided by 31 December of the year after the activity: it earns nothing (DOMAIN.md §3). */
    LAPSED
}
