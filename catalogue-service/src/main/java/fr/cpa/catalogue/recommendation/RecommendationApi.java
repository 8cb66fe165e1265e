package fr.cpa.catalogue.recommendation;

import fr.cpa.catalogue.rules.Modality;
import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public final class RecommendationApi {

    private RecommendationApi() {
    }

    public record JobRef(String code, String title) {
    }

    @Schema(description = "A recommended offer and why")
    public record Recommendation(String offerId, String title, String organisation, Money price, Modality modality,
                                 List<String> regions, List<JobRef> jobs,
                                 @Schema(example = "leads to M1805; costs 1 200 €, you have 1 450 €") String explanation) {
    }

    @Schema(description = "CPF-payable offers leading to the holder's target jobs, within their available balance "
            + "and region (or remote)")
    public record Recommendations(String holderId, List<String> targetJobs, String region,
                                  @Schema(description = "available CPF balance as last heard from training-rights; null if unknown")
                                  Money available, List<Recommendation> items,
                                  @Schema(description = "why the list is empty, when it is") String note) {
    }
}
