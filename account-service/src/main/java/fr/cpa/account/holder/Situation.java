package fr.cpa.account.holder;

/**
 * A dated situation of a holder. Several may overlap (an employee who volunteers, a civil servant
 * with a second self-employed activity). The first seven are recorded by an advisor or a service;
 * {@link #LOW_QUALIFIED} is the holder's own declaration and {@link #DISABLED_WORKER} the OETH
 * recognition (obligation d'emploi des travailleurs handicapés), each with its own endpoint.
 */
public enum Situation {
    EMPLOYEE,
    /** agent public; category A, B or C. */
    CIVIL_SERVANT,
    SELF_EMPLOYED,
    JOB_SEEKER,
    /** worker in an ESAT (établissement et service d'aide par le travail). */
    ESAT,
    /** 16–25, left school without a qualification (droit au retour en formation). */
    YOUNG_WITHOUT_DIPLOMA,
    VOLUNTEER,
    /** no level-3 diploma (CAP/BEP), on the holder's declaration. */
    LOW_QUALIFIED,
    /** disabled worker under the employment obligation (OETH). */
    DISABLED_WORKER;

    /** Recorded through {@code POST /statuses}, not through a dedicated endpoint. */
    boolean isSituationOfWork() {
        return this != LOW_QUALIFIED && this != DISABLED_WORKER;
    }
}
