package fr.cpa.catalogue.job;

import fr.cpa.catalogue.rules.CatalogueParameters;
import fr.cpa.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/** Reliable information on jobs ("informations fiables sur les métiers"): public. */
@Path("/api/v1/jobs")
@Tag(name = "Jobs (ROME)")
@PermitAll
public class JobResource {

    private final JobService jobs;

    JobResource(JobService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "Search jobs by ROME code or by words of their titles and alternative titles (public)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "page", value = """
            {"items": [{"code": "M1805", "title": "Développeur / Développeuse informatique",
              "grandDomaine": {"code": "M", "title": "Support à l'entreprise"},
              "domaine": {"code": "M18", "title": "Systèmes d'information et de télécommunication"}}],
             "total": 1, "page": 0, "size": 20}""")))
    public JobApi.JobPage search(@Parameter(description = "words or a ROME code", example = "developpeur") @QueryParam("q") String q,
                                 @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        int capped = Math.max(1, Math.min(size, CatalogueParameters.MAX_PAGE_SIZE));
        if ((long) page * capped > CatalogueParameters.MAX_OFFSET) {
            throw ProblemException.invalid("page", "goes deeper than " + CatalogueParameters.MAX_OFFSET + " results");
        }
        return jobs.search(q, page, capped);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A job with its alternative titles, the RNCP certifications and the offers that lead to it (public)")
    @APIResponse(responseCode = "404", description = "no such ROME code")
    public JobApi.JobDetail get(@PathParam("code") String code) {
        String c = code.toUpperCase(Locale.ROOT);
        if (!c.matches("[A-N]\\d{4}")) {
            throw ProblemException.invalid("code", "must be a ROME code (a letter and four digits)");
        }
        return jobs.get(c);
    }
}
