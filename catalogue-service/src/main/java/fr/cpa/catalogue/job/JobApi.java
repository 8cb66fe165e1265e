package fr.cpa.catalogue.job;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public final class JobApi {

    private JobApi() {
    }

    public record Domain(String code, String title) {
    }

    @Schema(description = "A job sheet of ROME 4.0 (France Travail)")
    public record JobItem(@Schema(example = "M1805") String code, String title, Domain grandDomaine, Domain domaine) {
    }

    public record JobPage(List<JobItem> items, long total, int page, int size) {
    }

    @Schema(description = "A certification of the RNCP register (France compétences)")
    public record Certification(@Schema(example = "RNCP34001") String code, String title, boolean active, String level) {
    }

    public record OfferRef(String id, String title, String organisation, String certificationCode, Money price,
                           boolean cpfEligible) {
    }

    @Schema(description = "A job with its alternative titles, the certifications and the offers that lead to it")
    public record JobDetail(String code, String title, Domain grandDomaine, Domain domaine,
                            @Schema(description = "alternative job titles (appellations)") List<String> titles,
                            List<Certification> certifications, long certificationsTotal,
                            @Schema(description = "published offers leading to the job by their own ROME codes or "
                                    + "through their RNCP certification (first 20)") List<OfferRef> offers,
                            long offersTotal) {
    }
}
