package fr.cpa.catalogue.search;

import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.catalogue.rules.Modality;
import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The public search's answers. */
public final class SearchApi {

    private SearchApi() {
    }

    public record OrganisationRef(String siret, String name) {
    }

    public record Certification(CertificationType type, String code, String title) {
    }

    @Schema(description = "An offer in a result list")
    public record TrainingItem(String id, String number, String title, OrganisationRef organisation,
                               Certification certification, Money price, Money priceMax, Integer durationMinutes,
                               Modality modality, List<String> regions, List<String> departments,
                               LocalDate nextSessionStart, boolean cpfEligible,
                               @Schema(description = "relevance, higher is better; 0 when not searching text") double score) {
    }

    @Schema(description = "A facet value with the number of matching offers")
    public record FacetValue(String value, String label, long count) {
    }

    @Schema(description = "One page of results with the facets of the whole result set")
    public record SearchPage(List<TrainingItem> items, long total, int page, int size,
                             Map<String, List<FacetValue>> facets,
                             @Schema(description = "relevance, price or startDate") String sort,
                             @Schema(description = "true when no offer matched the words and the typo-tolerant search answered")
                             boolean fuzzy,
                             @Schema(description = "the query searched instead when some of its words matched no offer and close "
                                     + "words of titles did: its words folded (lower case, without accents), those "
                                     + "replaced, its quotes, 'or' and negated words kept; null otherwise",
                                     example = "management")
                             String correctedQuery) {
    }

    public record Area(String departmentCode, String departmentName, String regionCode, String regionName,
                       int sessionsActive, int sessionsRemote) {
    }

    public record Session(String id, LocalDate startDate, LocalDate endDate, int seats, String place,
                          String departmentCode, boolean remote) {
    }

    public record OrganisationView(String siret, String name, String declarationNumber, boolean qualiopiValid,
                                   LocalDate qualiopiValidUntil) {
    }

    public record JobRef(String code, String title) {
    }

    @Schema(description = "An offer with its sessions, organisation and the jobs (ROME) it leads to")
    public record TrainingDetail(String id, String number, String title, String objective, String content,
                                 Certification certification, List<String> formacodes, List<String> romeCodes,
                                 Integer durationMinMinutes, Integer durationMaxMinutes, Money price, Money priceMax,
                                 Modality modality, boolean cpfEligible, LocalDate nextSessionStart,
                                 OrganisationView organisation, List<Area> areas, List<Session> sessions,
                                 @Schema(description = "jobs of the offer's ROME codes and of its RNCP certification (RNCP→ROME)")
                                 List<JobRef> jobs) {
    }
}
