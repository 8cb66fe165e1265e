package fr.cpa.civic.account;

import fr.cpa.civic.rules.CecParameters;
import fr.cpa.civic.rules.CecTotals;
import fr.cpa.civic.rules.CreditRule;
import fr.cpa.civic.rules.YearlyCredit;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@Path("/api/v1/holders/{id}/cec")
@Tag(name = "CEC")
@SecurityRequirement(name = "bearer")
public class CecResource {

    /** {@code GET /api/v1/holders/{id}/cec}. */
    @Schema(name = "CecBalance")
    public record CecBalance(
            UUID holderId,
            @Schema(description = "euros credited (from 2019)") Money credit,
            @Schema(description = "hours credited for 2017–2018, in minutes") long creditMinutes,
            @Schema(description = "the cap in force today") Money cap,
            @Schema(description = "what may still be credited before the cap (2017–2018 hours count at 12 €)") Money roomLeft,
            List<YearCredits> years) {
    }

    @Schema(name = "CecYearCredits")
    public record YearCredits(int year, List<CreditLine> credits) {
    }

    @Schema(name = "CecCreditLine")
    public record CreditLine(String activity, Money amount, Long minutes, List<String> explanation) {
    }

    private final Caller caller;
    private final Clock clock;

    CecResource(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's CEC credit, cap, room left and credits year by year (the holder themselves, advisor, admin, service)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "one credit", value = """
            {"holderId": "7c1e2f0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "credit": {"amount": 24000, "currency": "EUR"},
             "creditMinutes": 0, "cap": {"amount": 72000, "currency": "EUR"}, "roomLeft": {"amount": 48000, "currency": "EUR"},
             "years": [{"year": 2023, "credits": [{"activity": "ASSOCIATION_VOLUNTEERING", "amount": {"amount": 24000, "currency": "EUR"},
               "minutes": null, "explanation": ["2023: association volunteering qualifies for the yearly credit",
               "2023: association volunteering earns 240.00 € for the year (cap 720.00 €)"]}]}]}""")))
    @APIResponse(responseCode = "403", description = "another holder's account")
    @APIResponse(responseCode = "404", description = "no CEC for this holder")
    public CecBalance balance(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        CecAccount account = CecAccount.findById(holderId);
        if (account == null) {
            throw ProblemException.notFound("CEC account of holder " + holderId);
        }
        int thisYear = LocalDate.now(clock).getYear();
        YearlyCredit rule = CecParameters.LAW.credit(thisYear);
        long room = CreditRule.roomLeft(thisYear, new CecTotals(account.creditCents, account.creditMinutes), CecParameters.LAW);
        Map<Integer, List<CreditLine>> byYear = new TreeMap<>();
        for (CecCredit credit : CecCredit.ofHolder(holderId)) {
            boolean euros = YearlyCredit.Unit.CENTS.name().equals(credit.unit);
            byYear.computeIfAbsent(credit.year, y -> new ArrayList<>()).add(new CreditLine(credit.kind,
                    euros ? Money.cents(credit.value) : null, euros ? null : credit.value, credit.explanationLines()));
        }
        List<YearCredits> years = byYear.entrySet().stream().map(e -> new YearCredits(e.getKey(), e.getValue())).toList();
        return new CecBalance(account.holderId, Money.cents(account.creditCents), account.creditMinutes,
                Money.cents(rule.cap()), Money.cents(room), years);
    }
}
