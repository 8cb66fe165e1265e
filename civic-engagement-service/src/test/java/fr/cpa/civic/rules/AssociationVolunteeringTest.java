package fr.cpa.civic.rules;

import fr.cpa.civic.rules.AssociationVolunteering.AssociationHours;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Association volunteering, association by association (DOMAIN.md §3). */
class AssociationVolunteeringTest {

    private static final CecParameters LAW = CecParameters.LAW;
    private static final LocalDate OLD = LocalDate.of(2000, 1, 1);

    @Test
    void oneHundredHoursInOneAssociationAndOneHundredInAnotherQualify() {
        assertTrue(AssociationVolunteering.assess(2023, List.of(
                hours("W751000001", 100, AssociationRole.BOARD_MEMBER, OLD),
                hours("W751000002", 100, AssociationRole.VOLUNTEER_SUPERVISOR, OLD)), LAW).qualifies());
    }

    @Test
    void twoHundredHoursWithNoAssociationReachingOneHundredDoNotQualify() {
        var result = AssociationVolunteering.assess(2023, List.of(
                hours("W751000001", 99, AssociationRole.BOARD_MEMBER, OLD),
                hours("W751000002", 99, AssociationRole.BOARD_MEMBER, OLD),
                hours("W751000003", 99, AssociationRole.BOARD_MEMBER, OLD)), LAW);
        assertFalse(result.qualifies());
        assertTrue(result.explanation().stream().anyMatch(l -> l.contains("99 h in one association is below the minimum of 100")));
    }

    @Test
    void oneHundredNinetyNineHoursDoNotQualifyEvenInOneAssociation() {
        assertFalse(AssociationVolunteering.assess(2023, List.of(
                hours("W751000001", 199, AssociationRole.BOARD_MEMBER, OLD)), LAW).qualifies());
        assertTrue(AssociationVolunteering.assess(2023, List.of(
                hours("W751000001", 200, AssociationRole.BOARD_MEMBER, OLD)), LAW).qualifies());
    }

    @Test
    void hoursAsAPlainVolunteerDoNotCount() {
        var result = AssociationVolunteering.assess(2023, List.of(
                hours("W751000001", 150, AssociationRole.BOARD_MEMBER, OLD),
                hours("W751000002", 150, AssociationRole.VOLUNTEER, OLD)), LAW);
        assertFalse(result.qualifies());
        assertTrue(result.explanation().stream().anyMatch(l -> l.contains("W751000002 do not count: only board members")));
    }

    @Test
    void untilTheLawOf15April2024AnAssociationNeededThreeYearsOfRegistration() {
        LocalDate day = LocalDate.of(2024, 4, 14);
        assertTrue(AssociationVolunteering.registeredLongEnough(LocalDate.of(2021, 4, 14), day, LAW));
        assertFalse(AssociationVolunteering.registeredLongEnough(LocalDate.of(2021, 4, 15), day, LAW));
    }

    @Test
    void fromThe15April2024OneYearOfRegistrationIsEnough() {
        LocalDate day = LocalDate.of(2024, 4, 15);
        assertTrue(AssociationVolunteering.registeredLongEnough(LocalDate.of(2023, 4, 15), day, LAW));
        assertFalse(AssociationVolunteering.registeredLongEnough(LocalDate.of(2023, 4, 16), day, LAW));
    }

    @Test
    void for2023HoursTheAssociationMustBeRegisteredThreeYearsBeforeTheEndOfTheYear() {
        assertTrue(AssociationVolunteering.assess(2023, List.of(
                hours("W751000001", 200, AssociationRole.BOARD_MEMBER, LocalDate.of(2020, 12, 31))), LAW).qualifies());
        var young = AssociationVolunteering.assess(2023, List.of(
                hours("W751000001", 200, AssociationRole.BOARD_MEMBER, LocalDate.of(2021, 1, 1))), LAW);
        assertFalse(young.qualifies());
        assertTrue(young.explanation().stream().anyMatch(l -> l.contains("less than 3 years before 2023-12-31")));
    }

    @Test
    void for2024HoursOneYearOfRegistrationBeforeTheEndOfTheYearIsEnough() {
        assertTrue(AssociationVolunteering.assess(2024, List.of(
                hours("W751000001", 200, AssociationRole.BOARD_MEMBER, LocalDate.of(2023, 12, 31))), LAW).qualifies());
        var young = AssociationVolunteering.assess(2024, List.of(
                hours("W751000001", 200, AssociationRole.BOARD_MEMBER, LocalDate.of(2024, 1, 1))), LAW);
        assertFalse(young.qualifies());
        assertTrue(young.explanation().stream().anyMatch(l -> l.contains("less than 1 year before 2024-12-31")));
    }

    @Test
    void aTooYoungAssociationsHoursDropOutOfTheTotal() {
        assertFalse(AssociationVolunteering.assess(2023, List.of(
                hours("W751000001", 120, AssociationRole.BOARD_MEMBER, OLD),
                hours("W751000002", 90, AssociationRole.BOARD_MEMBER, LocalDate.of(2022, 6, 1))), LAW).qualifies());
    }

    private static AssociationHours hours(String rna, int hours, AssociationRole role, LocalDate registeredOn) {
        return new AssociationHours(rna, hours, role, registeredOn);
    }
}
