package fr.cpa.trainingrights.simulation;

import fr.cpa.platform.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public CPF simulator: stateless, no token (the gateway rate-limits it), for third-party apps. */
@Path("/api/v1/cpf/simulations")
@Tag(name = "CPF simulator")
public class SimulationResource {

    static final String REQUEST_EXAMPLE = """
            {"holder": {"birthDate": "1990-04-02", "lowQualified": false, "disabledWorker": false},
             "openingBalance": {"amount": 0, "currency": "EUR"}, "openingHours": 0, "openingDifHours": 0,
             "years": [{"year": 2022, "activities": [{"kind": "EMPLOYEE", "workedHours": 700, "referenceHours": 1607}]}]}""";
    static final String RESPONSE_EXAMPLE = """
            {"years": [{"year": 2022, "credit": {"amount": 21780, "currency": "EUR"}, "creditHours": 0.00, "creditMinutes": 0,
              "category": "EMPLOYEE", "converted": null, "balanceAfter": {"amount": 21780, "currency": "EUR"},
              "hoursBalanceAfter": 0.00, "hoursBalanceAfterMinutes": 0, "capReached": false,
              "explanation": [{"rule": "EUROS_ERA_EMPLOYEE", "legalReference": "L6323-11, R6323-1 ff.",
                "parameters": ["FULL_CREDIT_THRESHOLD_PERCENT = 50 % (2019-01-01 onwards)", "YEARLY_CREDIT = 500.00 € (2019-01-01 onwards)", "CAP = 5000.00 € (2019-01-01 onwards)"],
                "inputs": {"activity[0]": "hours: worked 700 h, counted absences 0 h, reference 1607 h (agreed)", "year": "2022"},
                "arithmetic": ["activity[0]: (700 h + 0 h) / 1607 h = 700/1607", "worked fraction 700/1607 < 50 % → 500.00 € × 700/1607 = 217.80 € (rounded up to the cent)"],
                "result": "credit 217.80 €, balance after 217.80 €"}]}],
             "balance": {"amount": 21780, "currency": "EUR"}, "hoursBalance": 0.00, "hoursBalanceMinutes": 0}""";
    static final String HOURS_ERA_EXAMPLE = """
            {"holder": {"birthDate": "1980-01-15"}, "openingHours": 96,
             "years": [{"year": 2018, "activities": [{"kind": "EMPLOYEE", "workedHours": 1607}]},
                       {"year": 2019, "activities": [{"kind": "EMPLOYEE", "forfaitDays": 218}]},
                       {"year": 2020, "activities": [{"kind": "SELF_EMPLOYED", "activityDays": 366, "contributionPaid": true},
                                                     {"kind": "EMPLOYEE", "workedHours": 300}]}]}""";
    static final String PROBLEM_EXAMPLE = """
            {"type": "https://cpa.local/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "3 fields are invalid", "instance": "/api/v1/cpf/simulations",
             "errors": [{"field": "years[0].year", "message": "the CPF starts in 2015"},
                        {"field": "years[0].activities[0].kind", "message": "unknown kind PIRATE; one of EMPLOYEE, CIVIL_SERVANT, SELF_EMPLOYED, ESAT, JOB_SEEKER"},
                        {"field": "years[0].activities[1].workedHours", "message": "must not be negative"}]}""";

    private final SimulationService service;

    SimulationResource(SimulationService service) {
        this.service = service;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Simulate CPF credits year by year (public, no token; rate-limited at the gateway)",
            description = "Applies the dated rules of each year: hours era 2015–2018 (24 h, 12 h from 120 h, cap 150 h; "
                    + "low-qualified 48/400 h from 2017), the 1 January 2019 conversion at 15 €/h, euros from 2019 "
                    + "(500 €, full from half the reference, below it pro rata rounded up to the cent; cap 5 000 €; "
                    + "low-qualified, OETH and ESAT 800 €/8 000 €), self-employed pro rata if the contribution was paid, "
                    + "civil servants in hours. Several categories in a year: the most favourable. Nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SimulationRequest.class), examples = {
            @ExampleObject(name = "part-time employee 2022", value = REQUEST_EXAMPLE),
            @ExampleObject(name = "hours era, conversion, several categories", value = HOURS_ERA_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "credits per year with their explanation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SimulationResponse.class),
                    examples = @ExampleObject(name = "part-time employee 2022", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "invalid request: every bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad fields", value = PROBLEM_EXAMPLE)))
    public SimulationResponse simulate(SimulationRequest request) {
        return service.simulate(request);
    }
}
