package fr.cpa.account.payslip;

import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.YearMonth;
import java.util.regex.Pattern;

@Tag(name = "Payslips")
@SecurityRequirement(name = "bearer")
@Path("/api/v1/payslips")
public class PayslipResource {

    private final PayslipService payslips;
    private final Caller caller;
    private final Clock clock;

    PayslipResource(PayslipService payslips, Caller caller, Clock clock) {
        this.payslips = payslips;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.EMPLOYER)
    @Operation(summary = "Upload a payslip (role employer, for the token's own SIRET)",
            description = "multipart/form-data: nir, siret, period (YYYY-MM), netPay and grossPay in cents, and "
                    + "file, a PDF (checked by its first bytes, %PDF-) of at most 5 MB. Example: "
                    + "curl -F nir=184127645108946 -F siret=73282932000074 -F period=2025-03 -F netPay=195000 "
                    + "-F grossPay=250000 -F file=@bulletin.pdf")
    @APIResponse(responseCode = "201", description = "stored")
    @APIResponse(responseCode = "400", description = "every invalid field, named")
    @APIResponse(responseCode = "403", description = "the SIRET is not the token's")
    @APIResponse(responseCode = "422", description = "this establishment has declared no employee with this NIR "
            + "(the same answer whether or not the NIR has an account)")
    public Response upload(@RestForm String nir, @RestForm String siret, @RestForm String period,
                           @RestForm @PartType(MediaType.TEXT_PLAIN) String netPay,
                           @RestForm @PartType(MediaType.TEXT_PLAIN) String grossPay,
                           @RestForm("file") FileUpload file) throws IOException {
        Long size = file == null ? null : file.size();
        byte[] head = null;
        if (file != null) {
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                head = in.readNBytes(PayslipRules.PDF_MAGIC.length);
            }
        }
        Long net = cents(netPay);
        Long gross = cents(grossPay);
        var errors = PayslipRules.check(nir, siret, period, net, gross, size, head, YearMonth.now(clock));
        if (siret != null && errors.stream().noneMatch(e -> e.field().equals("siret"))) {
            caller.requireSiret(siret);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        byte[] content = Files.readAllBytes(file.uploadedFile());
        PayslipView view = payslips.store(new PayslipService.Upload(nir, siret, period, net, gross, content,
                caller.name()));
        return Response.created(URI.create("/api/v1/holders/" + view.holderId() + "/payslips/" + view.id()))
                .entity(view).build();
    }

    private static final int MAX_PAGE_SIZE = 100;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EMPLOYER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The payslips an establishment sent (employer: its own SIRET only; advisor, admin)",
            description = "Newest month first, without the PDFs (each holder downloads theirs). Example: "
                    + "GET /api/v1/payslips?siret=73282932000074&period=2025-03&page=0&size=20")
    @APIResponse(responseCode = "200", description = "a page of payslips",
            content = @Content(schema = @Schema(implementation = PayslipService.Page.class)))
    @APIResponse(responseCode = "400", description = "siret missing, period not YYYY-MM, or paging out of range")
    @APIResponse(responseCode = "403", description = "the SIRET is not the token's")
    public PayslipService.Page listSent(@QueryParam("siret") String siret, @QueryParam("period") String period,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("20") int size) {
        if (siret == null || siret.isBlank()) {
            throw ProblemException.invalid("siret", "must be given");
        }
        caller.requireSiret(siret);
        if (period != null && !PERIOD.matcher(period).matches()) {
            throw ProblemException.invalid("period", "must be a month, YYYY-MM");
        }
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "must be from 1 to " + MAX_PAGE_SIZE);
        }
        return payslips.listSent(siret, period, page, size);
    }

    private static Long cents(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1L; // reported as not a whole number of cents
        }
    }
}
