package fr.cpa.trainingrights.rules;

/**
 * Every figure of DOMAIN.md §1 the rules use, with its unit and legal reference. Values live in
 * {@link ParameterTable}, dated; code never holds the figures themselves.
 */
public enum Param {
    // Hours era, private employees, years 2015–2018 (L6323-11 old version)
    HOURS_ERA_FULL_YEAR_CREDIT(Unit.MINUTES, "L6323-11 (version 2015-2018)"),
    HOURS_ERA_REDUCED_CREDIT(Unit.MINUTES, "L6323-11 (version 2015-2018)"),
    HOURS_ERA_STEP(Unit.MINUTES, "L6323-11 (version 2015-2018): the yearly credit halves once the balance reaches it"),
    HOURS_ERA_CAP(Unit.MINUTES, "L6323-11 (version 2015-2018)"),
    HOURS_ERA_LOW_QUALIFIED_CREDIT(Unit.MINUTES, "L6323-11-1 (loi 2016-1088, from 2017)"),
    HOURS_ERA_LOW_QUALIFIED_CAP(Unit.MINUTES, "L6323-11-1 (loi 2016-1088, from 2017)"),
    // Reference times
    REFERENCE_HOURS(Unit.MINUTES, "L6323-11: agreed full time, else the legal 1 607 h"),
    FORFAIT_DAYS_MAX(Unit.DAYS, "L3121-64: forfait-jours reference at most 218 days"),
    PAY_BASED_REFERENCE_HOURS(Unit.MINUTES, "R6323-1: staff paid without an hours basis, 2 080 × hourly SMIC"),
    SMIC_HOURLY(Unit.CENTS, "L3231-2: gross hourly SMIC in force on 31 December of the year (unverified rule of the day used)"),
    // Conversion
    CONVERSION_RATE_PER_HOUR(Unit.CENTS, "décret 2018-1153: 1 h = 15 € on 1 January 2019"),
    CEC_CONVERSION_RATE_PER_HOUR(Unit.CENTS, "décret 2018-1338: a 2017–2018 CEC hour = 12 €"),
    // Euros era (from 2019)
    FULL_CREDIT_THRESHOLD_PERCENT(Unit.PERCENT, "R6323-1: at least half the reference time earns the full credit"),
    YEARLY_CREDIT(Unit.CENTS, "R6323-1"),
    CAP(Unit.CENTS, "R6323-1"),
    LOW_QUALIFIED_CREDIT(Unit.CENTS, "R6323-3-1"),
    LOW_QUALIFIED_CAP(Unit.CENTS, "R6323-3-1"),
    OETH_SUPPLEMENT(Unit.CENTS, "L6323-11-1 / R6323-3-2: disabled workers under the employment obligation"),
    OETH_CAP(Unit.CENTS, "R6323-3-2"),
    ESAT_CREDIT(Unit.CENTS, "L6323-33 / R6323-23"),
    ESAT_CAP(Unit.CENTS, "R6323-23"),
    SELF_EMPLOYED_CREDIT(Unit.CENTS, "L6323-25 / R6323-13"),
    SELF_EMPLOYED_CAP(Unit.CENTS, "R6323-13"),
    // Civil servants, in hours (ordonnance 2017-53, décret 2019-1392)
    CIVIL_SERVANT_CREDIT(Unit.MINUTES, "ordonnance 2017-53 art. 22 ter; décret 2019-1392 from 2020"),
    CIVIL_SERVANT_REDUCED_CREDIT(Unit.MINUTES, "ordonnance 2017-53 (2017-2019 only)"),
    CIVIL_SERVANT_STEP(Unit.MINUTES, "ordonnance 2017-53 (2017-2019 only)"),
    CIVIL_SERVANT_CAP(Unit.MINUTES, "ordonnance 2017-53; décret 2019-1392"),
    CIVIL_SERVANT_C_CREDIT(Unit.MINUTES, "category C without level-3 diploma"),
    CIVIL_SERVANT_C_CAP(Unit.MINUTES, "category C without level-3 diploma"),
    // Top-ups (abondements), outside the cap
    TOP_UP_CORRECTIVE(Unit.CENTS, "L6315-1 / R6323-3 (droits correctifs)"),
    TOP_UP_CORRECTIVE_REVIEW_YEARS(Unit.YEARS, "L6315-1: review period (2025 law moves it, keep configurable)"),
    TOP_UP_COLLECTIVE_AGREEMENT_MIN(Unit.CENTS, "L2254-2 / D6323-3-2"),
    TOP_UP_WORK_ACCIDENT(Unit.CENTS, "L432-12 CSS / D432-9 CSS: incapacity ≥ 10 %"),
    TOP_UP_WORK_ACCIDENT_MIN_INCAPACITY(Unit.PERCENT, "L432-12 CSS"),
    // Co-payment (participation forfaitaire), indexed each 1 January
    CO_PAYMENT(Unit.CENTS, "L6323-4 / R6323-6 (décret 2024-394)"),
    // Per-action caps of CPF money (D6323-1 A, from 26 Feb 2026)
    ACTION_CAP_RS(Unit.CENTS, "D6323-1 A: RS certification (CléA excepted)"),
    ACTION_CAP_BILAN(Unit.CENTS, "D6323-1 A: skills assessment"),
    ACTION_CAP_DRIVING_LICENCE(Unit.CENTS, "D6323-1 A: car or motorbike licence"),
    // Young people without a diploma: the region's top-up without cap on a qualifying training
    YOUNG_WITHOUT_DIPLOMA_MIN_AGE(Unit.YEARS, "L122-2 code de l'éducation: right to return to qualifying training, 16 to 25"),
    YOUNG_WITHOUT_DIPLOMA_MAX_AGE(Unit.YEARS, "L122-2 code de l'éducation: right to return to qualifying training, 16 to 25");

    /** What a value counts. */
    public enum Unit { CENTS, MINUTES, DAYS, PERCENT, YEARS }

    private final Unit unit;
    private final String legalReference;

    Param(Unit unit, String legalReference) {
        this.unit = unit;
        this.legalReference = legalReference;
    }

    public Unit unit() {
        return unit;
    }

    public String legalReference() {
        return legalReference;
    }
}
