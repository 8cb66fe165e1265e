package fr.cpa.catalogue.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The dated deadlines of an enrolment (DOMAIN.md §4), in working days, in one table. They are those of
 * the Mon Compte Formation general terms (CGU titulaires / CGU organismes) since the service opened on
 * 21 November 2019; a later change adds a row with its effective date.
 *
 * @param organisationAnswerDays          the organisation answers a request within this many working days
 * @param organisationAnswerWithPrerequisitesDays the same when the offer has prerequisites to check
 * @param holderConfirmationDays          the holder confirms an accepted proposal within this many
 * @param withdrawalDays                  withdrawal period (délai de rétractation) between validation and start
 * @param entryDeclarationDays            the organisation declares the entry within this many after the start
 * @param fullRecreditMoreThanDays        a holder's cancellation more than this many before the start re-credits in full
 */
public record EnrolmentParameters(LocalDate from, LocalDate to, int organisationAnswerDays,
                                  int organisationAnswerWithPrerequisitesDays, int holderConfirmationDays,
                                  int withdrawalDays, int entryDeclarationDays, int fullRecreditMoreThanDays,
                                  String source) {

    static final List<EnrolmentParameters> TABLE = List.of(
            new EnrolmentParameters(LocalDate.of(2019, 11, 21), null, 2, 30, 4, 11, 3, 7,
                    "CGU Mon Compte Formation (titulaires et organismes), DOMAIN.md §4"));

    /** The parameters in force on {@code day}. */
    public static EnrolmentParameters on(LocalDate day) {
        return TABLE.stream()
                .filter(p -> !day.isBefore(p.from()) && (p.to() == null || !day.isAfter(p.to())))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no enrolment parameters in force on " + day));
    }
}
