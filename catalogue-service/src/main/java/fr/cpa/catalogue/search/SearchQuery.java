package fr.cpa.catalogue.search;

import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.catalogue.rules.Modality;

import java.time.LocalDate;

/** A validated catalogue search: text, filters, sort and page (the size already capped). */
public record SearchQuery(String q, String region, String department, CertificationType certificationType,
                          String certificationCode, String rome, Long maxPriceCents, Modality modality,
                          LocalDate startAfter, Sort sort, int page, int size) {

    public enum Sort { RELEVANCE, PRICE, START_DATE }

    /** The same search with other words. */
    SearchQuery withText(String words) {
        return new SearchQuery(words, region, department, certificationType, certificationCode, rome, maxPriceCents,
                modality, startAfter, sort, page, size);
    }

    boolean hasText() {
        return q != null && !q.isBlank();
    }
}
