package fr.cpa.catalogue.search;

import fr.cpa.catalogue.rules.CatalogueParameters;
import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.catalogue.rules.Modality;
import fr.cpa.platform.problem.Problem;
import fr.cpa.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** The public catalogue: no token needed (the gateway rate-limits it). */
@Path("/api/v1/trainings")
@Tag(name = "Trainings (public catalogue)")
@PermitAll
public class TrainingResource {

    private final TrainingSearch search;

    TrainingResource(TrainingSearch search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Search the catalogue (public)",
            description = "French full-text search (stemming, accents ignored), weighted title > certification > "
                    + "content; a one-letter typo still finds the offer (trigram fallback when the words match nothing). "
                    + "Filters combine with AND; facets count the whole result set. Sizes above "
                    + CatalogueParameters.MAX_PAGE_SIZE + " are cut to " + CatalogueParameters.MAX_PAGE_SIZE + ".")
    @APIResponse(responseCode = "200", description = "a page of results with facets", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "page", value = """
            {"items": [{"id": "3f1c…", "number": "78959578200051_M-FOR1512", "title": "PhotoShop sur mesure",
              "organisation": {"siret": "78959578200051", "name": "FORMALTIC"},
              "certification": {"type": "RS", "code": "RS6204", "title": "Tosa Photoshop"},
              "price": {"amount": 233000, "currency": "EUR"}, "priceMax": {"amount": 233000, "currency": "EUR"},
              "durationMinutes": 1260, "modality": "ON_SITE", "regions": ["76"], "departments": ["34"],
              "nextSessionStart": null, "cpfEligible": true, "score": 0.1}],
             "total": 1, "page": 0, "size": 20,
             "facets": {"region": [{"value": "76", "label": "Occitanie", "count": 1}],
                        "certificationType": [{"value": "RS", "label": "RS", "count": 1}],
                        "modality": [{"value": "ON_SITE", "label": "ON_SITE", "count": 1}]},
             "sort": "relevance", "fuzzy": false, "correctedQuery": null}""")))
    @APIResponse(responseCode = "400", description = "invalid parameter(s), each named")
    public SearchApi.SearchPage search(
            @Parameter(description = "words, e.g. 'comptabilite paie'") @QueryParam("q") String q,
            @Parameter(description = "INSEE region code", example = "76") @QueryParam("region") String region,
            @Parameter(description = "INSEE department code", example = "34") @QueryParam("department") String department,
            @Parameter(description = "RNCP, RS, CLEA, VAE, BILAN, DRIVING_LICENCE, BUSINESS_CREATION, VOLUNTEER_TRAINING"
                    + " (training of volunteers for their missions, paid with CEC money only), OTHER (not CPF-payable)")
            @QueryParam("certificationType") String certificationType,
            @Parameter(description = "RNCP34001, RS6204, or the bare number", example = "RS6204")
            @QueryParam("certificationCode") String certificationCode,
            @Parameter(description = "ROME code the offer leads to (own codes or via its RNCP certification)", example = "M1805")
            @QueryParam("rome") String rome,
            @Parameter(description = "highest price, in euro cents", example = "150000") @QueryParam("maxPrice") String maxPrice,
            @Parameter(description = "ON_SITE, REMOTE or MIXED") @QueryParam("modality") String modality,
            @Parameter(description = "offers with an open session starting on or after this day", example = "2027-01-01")
            @QueryParam("startAfter") String startAfter,
            @Parameter(description = "relevance (default), price or startDate") @QueryParam("sort") String sort,
            @Parameter(description = "page number from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, at most " + CatalogueParameters.MAX_PAGE_SIZE) @QueryParam("size") String size) {
        return search.search(parse(q, region, department, certificationType, certificationCode, rome, maxPrice,
                modality, startAfter, sort, page, size));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One published offer with its sessions, organisation, areas and the jobs it leads to (public)")
    @APIResponse(responseCode = "404", description = "no such published offer")
    public SearchApi.TrainingDetail get(@PathParam("id") UUID id) {
        return search.detail(id);
    }

    static SearchQuery parse(String q, String region, String department, String certificationType,
                             String certificationCode, String rome, String maxPrice, String modality,
                             String startAfter, String sort, String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = blank(q) ? null : q.strip();
        if (text != null && text.length() > 200) {
            errors.add(new Problem.FieldError("q", "must be at most 200 characters"));
        }
        String reg = check(errors, "region", region, "\\d{2,3}", "must be an INSEE region code");
        String dep = check(errors, "department", department == null ? null : department.toUpperCase(Locale.ROOT),
                "\\d{2,3}|2A|2B", "must be an INSEE department code");
        CertificationType type = parseEnum(errors, "certificationType", certificationType, CertificationType::valueOf);
        String code = check(errors, "certificationCode",
                certificationCode == null ? null : certificationCode.strip().toUpperCase(Locale.ROOT),
                "(RNCP|RS)?\\d{1,6}", "must be RNCP<digits>, RS<digits> or digits");
        String romeCode = check(errors, "rome", rome == null ? null : rome.strip().toUpperCase(Locale.ROOT),
                "[A-N]\\d{4}", "must be a ROME code (a letter and four digits)");
        Long max = parseLong(errors, "maxPrice", maxPrice, 0);
        Modality mod = parseEnum(errors, "modality", modality, Modality::valueOf);
        LocalDate after = null;
        if (!blank(startAfter)) {
            try {
                after = LocalDate.parse(startAfter.strip());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("startAfter", "must be a date YYYY-MM-DD"));
            }
        }
        SearchQuery.Sort order = SearchQuery.Sort.RELEVANCE;
        if (!blank(sort)) {
            switch (sort.strip()) {
                case "relevance" -> order = SearchQuery.Sort.RELEVANCE;
                case "price" -> order = SearchQuery.Sort.PRICE;
                case "startDate" -> order = SearchQuery.Sort.START_DATE;
                default -> errors.add(new Problem.FieldError("sort", "must be relevance, price or startDate"));
            }
        }
        Long p = parseLong(errors, "page", page, 0);
        Long s = parseLong(errors, "size", size, 1);
        int pageNumber = p == null ? 0 : (int) Math.min(p, Integer.MAX_VALUE);
        int pageSize = s == null ? CatalogueParameters.DEFAULT_PAGE_SIZE : (int) Math.min(s, CatalogueParameters.MAX_PAGE_SIZE);
        if ((long) pageNumber * pageSize > CatalogueParameters.MAX_OFFSET) {
            errors.add(new Problem.FieldError("page", "goes deeper than " + CatalogueParameters.MAX_OFFSET
                    + " results; narrow the search instead"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new SearchQuery(text, reg, dep, type, code, romeCode, max, mod, after, order, pageNumber, pageSize);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String check(List<Problem.FieldError> errors, String field, String value, String regex, String message) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        if (!v.matches(regex)) {
            errors.add(new Problem.FieldError(field, message));
            return null;
        }
        return v;
    }

    private static <E> E parseEnum(List<Problem.FieldError> errors, String field, String value, Function<String, E> parse) {
        if (blank(value)) {
            return null;
        }
        try {
            return parse.apply(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "is not a known value"));
            return null;
        }
    }

    private static Long parseLong(List<Problem.FieldError> errors, String field, String value, long min) {
        if (blank(value)) {
            return null;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v < min) {
                errors.add(new Problem.FieldError(field, "must be " + min + " or more"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, "must be a whole number"));
            return null;
        }
    }
}
