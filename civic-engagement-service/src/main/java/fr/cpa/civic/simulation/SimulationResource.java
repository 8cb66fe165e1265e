package fr.cpa.civic.simulation;

import fr.cpa.civic.rules.Activity;
import fr.cpa.civic.rules.CecParameters;
import fr.cpa.civic.rules.Simulation;
import fr.cpa.civic.rules.YearlyCredit;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.Problem;
import fr.cpa.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a set of activities would earn on an empty CEC: stateless, public, nothing stored. */
@Path("/api/v1/cec/simulations")
@Tag(name = "CEC")
public class SimulationResource {

    static final String EXAMPLE_REQUEST = """
            {"years": [{"year": 2023, "activities": [{"kind": "ASSOCIATION_VOLUNTEERING", "hours": 210, "maxHoursInOneAssociation": 120}]}]}""";
    static final String EXAMPLE_RESPONSE = """
            {"years": [{"year": 2023, "credit": {"amount": 24000, "currency": "EUR"}, "creditHours": null,
              "explanation": ["2023: association volunteering, 210 h reaches the minimum of 200 h (counted over hours in the calendar year)",
                "2023: association volunteering, 120 h in one association reaches the minimum of 100 h in one association (counted over hours in the calendar year)",
                "2023: association volunteering qualifies for the yearly credit",
                "2023: association volunteering earns 240.00 € for the year (cap 720.00 €)"]}],
             "total": {"amount": 24000, "currency": "EUR"}, "totalHours": 0}""";

    private final Clock clock;

    SimulationResource(Clock clock) {
        this.clock = clock;
    }

    @POST
    @PermitAll
    @Operation(summary = "Simulate the CEC credit of activities (public, no token)",
            description = "Stateless. Each year's activities are assessed against the minimums in force that year; "
                    + "each qualifying category earns its yearly credit once (20 h in 2017–2018, 240 € from 2019), "
                    + "cut at the cap (60 h, 720 €) reached by the years before. Association conditions (role, "
                    + "registration age) are assumed met. Quantity fields by kind: CIVIC_SERVICE months; "
                    + "MILITARY_RESERVE, HEALTH_RESERVE days; APPRENTICESHIP_MASTER months; ASSOCIATION_VOLUNTEERING "
                    + "hours, maxHoursInOneAssociation; VOLUNTEER_FIREFIGHTER, COMMUNAL_RESERVE engagementYears; "
                    + "POLICE_RESERVE continuousYears, duties; EDUCATION_RESERVE interventions; CIVIC_RESERVE hours, "
                    + "maxHoursInOneBody.")
    @RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "association volunteering in 2023", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "200", description = "the credit year by year, with its explanation",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "240 € for 2023", value = EXAMPLE_RESPONSE)))
    @APIResponse(responseCode = "400", description = "invalid field(s), each named by its JSON path")
    public SimulationResponse simulate(@NotNull @Valid SimulationRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int thisYear = LocalDate.now(clock).getYear();
        Map<Integer, List<Activity>> byYear = new LinkedHashMap<>();
        for (int y = 0; y < body.years().size(); y++) {
            SimulationRequest.Year year = body.years().get(y);
            if (year.year() > thisYear) {
                errors.add(new Problem.FieldError("years[" + y + "].year", "must not be after the current year " + thisYear));
            }
            if (!seen.add(year.year())) {
                errors.add(new Problem.FieldError("years[" + y + "].year", "year " + year.year() + " is given twice"));
            }
            List<Activity> activities = new ArrayList<>();
            for (int a = 0; a < year.activities().size(); a++) {
                SimulationRequest.ActivityInput input = year.activities().get(a);
                Activities.check(input, "years[" + y + "].activities[" + a + "]", errors);
                activities.add(Activities.toActivity(input));
            }
            byYear.put(year.year(), activities);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Simulation.Outcome outcome = Simulation.run(byYear, CecParameters.LAW);
        List<SimulationResponse.YearCredit> years = outcome.years().stream().map(year ->
                year.unit() == YearlyCredit.Unit.MINUTES
                        ? new SimulationResponse.YearCredit(year.year(), null, year.value() / 60, year.explanation())
                        : new SimulationResponse.YearCredit(year.year(), Money.cents(year.value()), null, year.explanation()))
                .toList();
        return new SimulationResponse(years, Money.cents(outcome.total().cents()), outcome.total().minutes() / 60);
    }
}
