package fr.cpa.account.summary;

import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import fr.cpa.account.access.AccessLog;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/holders/{id}/summary")
@Tag(name = "Holders")
@SecurityRequirement(name = "bearer")
public class SummaryResource {

    private final SummaryService summaries;
    private final AccessLog accessLog;
    private final Caller caller;

    SummaryResource(SummaryService summaries, AccessLog accessLog, Caller caller) {
        this.summaries = summaries;
        this.accessLog = accessLog;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The CPA summary: CPF, C2P and CEC, situations and open enrolments (the holder themselves, "
            + "advisor, admin, service)",
            description = "From a read model fed by cpa.cpf.v1, cpa.c2p.v1, cpa.cec.v1, cpa.funding.v1 and "
                    + "cpa.enrolment.v1; asOf is the time of the latest event applied, so a reader knows how fresh it "
                    + "is. Every read by someone other than the holder needs a reason (400 naming reason otherwise) and is "
                    + "written to the holder's access log.")
    public SummaryView summary(@PathParam("id") UUID id,
                               @Parameter(description = "why: required of everyone but the holder themselves (advisor, "
                                       + "admin, service), at most " + AccessLog.MAX_REASON + " characters; written to the holder's "
                                       + "access log")
                               @QueryParam("reason") String reason) {
        caller.requireHolder(id);
        boolean staff = caller.holderId().filter(id::equals).isEmpty();
        if (staff) {
            // The access log is the holder's check on who read their account and why: a read without a reason
            // tells them nothing, so it is refused, as the NIR look-up refuses one (LookupRequest). Checked
            // before the holder is looked up, so that a refused call learns nothing about the account.
            requireReason(reason);
        }
        SummaryView view = summaries.summary(id); // an unknown holder: 404, nothing to audit
        if (staff) {
            // every read is written to the holder's access log before it is served
            accessLog.record(id, caller.name(), staffRole(), AccessLog.Action.SUMMARY_READ, reason.strip());
        }
        return view;
    }

    /** The look-up's rule (LookupRequest: not blank, at most 500 characters), for a query parameter. */
    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required when staff read a holder's summary: it is written to "
                    + "the holder's access log");
        }
        if (reason.length() > AccessLog.MAX_REASON) {
            throw ProblemException.invalid("reason", "must be at most " + AccessLog.MAX_REASON + " characters");
        }
    }

    private String staffRole() {
        for (String role : new String[]{Roles.ADMIN, Roles.ADVISOR, Roles.SERVICE}) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return "unknown";
    }
}
