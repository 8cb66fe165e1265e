package fr.cpa.trainingrights.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.Problem.FieldError;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.EntryView;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.rules.ParameterTable;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/holders/{id}/cpf")
@Tag(name = "CPF")
@SecurityRequirement(name = "jwt")
public class CpfResource {

    static final int MAX_PAGE_SIZE = 100;

    private final Caller caller;
    private final Ledger ledger;
    private final ObjectMapper mapper;

    private final Clock clock;
    private final HolderStatuses statuses;

    CpfResource(Caller caller, Ledger ledger, ObjectMapper mapper, Clock clock, HolderStatuses statuses) {
        this.clock = clock;
        this.statuses = statuses;
        this.caller = caller;
        this.ledger = ledger;
        this.mapper = mapper;
    }

    /** A page of entries, newest first. */
    public record EntryPage(List<EntryView> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's CPF balances per pot, held, available, hours, cap and room left (the holder themselves, advisor, admin, service)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "balances", value = """
            {"holderId": "3f2c8a8e-1c1b-4c7e-9f0e-5b8f1a2d3c4e", "ordinary": {"amount": 180000, "currency": "EUR"},
             "cec": {"amount": 24000, "currency": "EUR"}, "topUps": {"amount": 300000, "currency": "EUR"},
             "held": {"amount": 50000, "currency": "EUR"}, "available": {"amount": 454000, "currency": "EUR"},
             "hoursBalanceMinutes": 0, "hoursBalance": 0.00, "cap": {"amount": 500000, "currency": "EUR"},
             "roomLeft": {"amount": 320000, "currency": "EUR"}, "hoursCapMinutes": 9000, "closed": false,
             "pots": [{"pot": "ORDINARY", "kind": "ORDINARY", "balance": {"amount": 180000, "currency": "EUR"},
                       "held": {"amount": 50000, "currency": "EUR"}, "available": {"amount": 130000, "currency": "EUR"},
                       "minutes": 0, "earmarkedTo": []}]}""")))
    public CpfBalance balance(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        CpfAccount account = account(holderId);
        LocalDate today = LocalDate.now(clock);
        return CpfBalance.of(account, List.copyOf(ledger.pots(holderId).values()), ParameterTable.LAW, today,
                statuses.situation(holderId, today));
    }

    @GET
    @Path("/entries")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's ledger entries, newest first, each with its explanation (the holder themselves, advisor, admin, service)")
    public EntryPage entries(@PathParam("id") UUID holderId, @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("20") int size) {
        caller.requireHolder(holderId);
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must not be negative"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        account(holderId);
        var query = CpfEntry.<CpfEntry>find("holderId", Sort.descending("line"), holderId);
        List<EntryView> items = query.page(Page.of(page, size)).list().stream().map(this::view).toList();
        return new EntryPage(items, page, size, query.count());
    }

    @GET
    @Path("/entries/{entryId}")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "One ledger entry with its explanation: rule, parameters, inputs, arithmetic (the holder themselves, advisor, admin, service)")
    public EntryView entry(@PathParam("id") UUID holderId, @PathParam("entryId") UUID entryId) {
        caller.requireHolder(holderId);
        CpfEntry entry = CpfEntry.findById(entryId);
        if (entry == null || !entry.holderId.equals(holderId)) {
            throw ProblemException.notFound("entry " + entryId);
        }
        return view(entry);
    }

    private static CpfAccount account(UUID holderId) {
        CpfAccount account = CpfAccount.findById(holderId);
        if (account == null) {
            throw ProblemException.notFound("CPF account of holder " + holderId);
        }
        return account;
    }

    public EntryView view(CpfEntry e) {
        try {
            return new EntryView(e.id, e.line, e.kind.name(), e.pot, Money.cents(e.amountCents), Money.cents(e.heldCents),
                    e.minutes, e.year, e.enrolmentId, e.topUpKind, e.funder,
                    e.earmarkedTo == null ? List.of() : List.of(e.earmarkedTo.split(",")), e.createdAt,
                    mapper.readTree(e.explanation));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored explanation is JSON", ex);
        }
    }
}
