package fr.cpa.civic.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every minimum of DOMAIN.md §3, one below and exactly at it, the other quantities comfortably met. */
class ActivityRulesTest {

    private static final CecParameters LAW = CecParameters.LAW;

    /** kind, quantity under test, the minimum DOMAIN.md §3 states. */
    static Stream<Arguments> minimums() {
        return Stream.of(
                Arguments.of(ActivityKind.CIVIC_SERVICE, Quantity.MONTHS, 6),
                Arguments.of(ActivityKind.MILITARY_RESERVE, Quantity.DAYS, 90),
                Arguments.of(ActivityKind.HEALTH_RESERVE, Quantity.DAYS, 30),
                Arguments.of(ActivityKind.APPRENTICESHIP_MASTER, Quantity.MONTHS, 6),
                Arguments.of(ActivityKind.ASSOCIATION_VOLUNTEERING, Quantity.HOURS, 200),
                Arguments.of(ActivityKind.ASSOCIATION_VOLUNTEERING, Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, 100),
                Arguments.of(ActivityKind.VOLUNTEER_FIREFIGHTER, Quantity.ENGAGEMENT_YEARS, 5),
                Arguments.of(ActivityKind.COMMUNAL_RESERVE, Quantity.ENGAGEMENT_YEARS, 5),
                Arguments.of(ActivityKind.POLICE_RESERVE, Quantity.CONTINUOUS_YEARS, 3),
                Arguments.of(ActivityKind.POLICE_RESERVE, Quantity.DUTIES, 75),
                Arguments.of(ActivityKind.EDUCATION_RESERVE, Quantity.INTERVENTIONS, 25),
                Arguments.of(ActivityKind.CIVIC_RESERVE, Quantity.HOURS, 200),
                Arguments.of(ActivityKind.CIVIC_RESERVE, Quantity.MAX_HOURS_IN_ONE_BODY, 100));
    }

    @ParameterizedTest(name = "{0}: {1} = {2} qualifies")
    @MethodSource("minimums")
    void exactlyTheMinimumQualifies(ActivityKind kind, Quantity quantity, int minimum) {
        Eligibility result = ActivityRules.assess(activity(kind, quantity, minimum), 2023, LAW);
        assertTrue(result.qualifies(), () -> String.join("\n", result.explanation()));
    }

    @ParameterizedTest(name = "{0}: {1} = {2} - 1 does not qualify")
    @MethodSource("minimums")
    void oneBelowTheMinimumDoesNotQualify(ActivityKind kind, Quantity quantity, int minimum) {
        Eligibility result = ActivityRules.assess(activity(kind, quantity, minimum - 1), 2023, LAW);
        assertFalse(result.qualifies(), () -> String.join("\n", result.explanation()));
        assertTrue(result.explanation().stream().anyMatch(line -> line.contains("is below the minimum of " + minimum)),
                () -> String.join("\n", result.explanation()));
    }

    @ParameterizedTest(name = "{0}: minimums of 2017 are those of 2025")
    @MethodSource("minimums")
    void theMinimumsHoldFromTheFirstYearOfTheCec(ActivityKind kind, Quantity quantity, int minimum) {
        assertTrue(LAW.minimums(kind, 2017).contains(new Minimum(quantity, minimum)));
        assertTrue(LAW.minimums(kind, 2025).contains(new Minimum(quantity, minimum)));
    }

    @Test
    void everyKindHasItsMinimums() {
        for (ActivityKind kind : ActivityKind.values()) {
            assertEquals(kind.quantities(), LAW.minimums(kind, 2024).stream().map(Minimum::quantity).toList(), kind.name());
        }
    }

    @Test
    void twoHundredHoursSpreadSoThatNoAssociationHasOneHundredDoNotQualify() {
        // DOMAIN.md §3: 200 h in the year, at least 100 h in one association.
        Activity spread = Activity.of(ActivityKind.ASSOCIATION_VOLUNTEERING, Quantity.HOURS, 250,
                Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, 99);
        assertFalse(ActivityRules.assess(spread, 2023, LAW).qualifies());
    }

    @Test
    void theIssueExampleOf210HoursWith120InOneAssociationQualifies() {
        Activity example = Activity.of(ActivityKind.ASSOCIATION_VOLUNTEERING, Quantity.HOURS, 210,
                Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, 120);
        Eligibility result = ActivityRules.assess(example, 2023, LAW);
        assertTrue(result.qualifies());
        assertEquals("2023: association volunteering qualifies for the yearly credit", result.explanation().get(2));
    }

    @Test
    void policeReserveNeedsBothTheContinuousYearsAndTheDuties() {
        assertFalse(ActivityRules.assess(Activity.of(ActivityKind.POLICE_RESERVE, Quantity.CONTINUOUS_YEARS, 2,
                Quantity.DUTIES, 120), 2023, LAW).qualifies());
        assertFalse(ActivityRules.assess(Activity.of(ActivityKind.POLICE_RESERVE, Quantity.CONTINUOUS_YEARS, 6,
                Quantity.DUTIES, 74), 2023, LAW).qualifies());
        assertTrue(ActivityRules.assess(Activity.of(ActivityKind.POLICE_RESERVE, Quantity.CONTINUOUS_YEARS, 3,
                Quantity.DUTIES, 75), 2023, LAW).qualifies());
    }

    @Test
    void nothingQualifiesBeforeTheCecExisted() {
        Eligibility result = ActivityRules.assess(Activity.of(ActivityKind.MILITARY_RESERVE, Quantity.DAYS, 200), 2016, LAW);
        assertFalse(result.qualifies());
        assertEquals(1, result.explanation().size());
        assertTrue(result.explanation().get(0).contains("the CEC starts with the year 2017"));
    }

    /** {@code quantity} at {@code value}, every other quantity of the kind well above its minimum. */
    private static Activity activity(ActivityKind kind, Quantity quantity, int value) {
        Map<Quantity, Integer> quantities = new EnumMap<>(Quantity.class);
        for (Minimum minimum : LAW.minimums(kind, 2023)) {
            quantities.put(minimum.quantity(), minimum.value() * 3);
        }
        quantities.put(quantity, value);
        return new Activity(kind, quantities);
    }
}
