package fr.cpa.catalogue.rules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The dated parameters of the catalogue's rules, in one table (DOMAIN.md §1 "Eligible purchases", §4).
 * Each value carries its effective period; the rules pick the one in force on the day they judge.
 */
public final class CatalogueParameters {

    /** A parameter value in force from {@code from} (inclusive) to {@code to} (inclusive, null = open). */
    public record Dated<T>(LocalDate from, LocalDate to, T value, String source) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /**
     * Actions payable with the CPF (L6323-6 as rewritten by loi 2018-771, in force 1 Jan 2019): RNCP and
     * RS certifications (CléA included), VAE support, bilans, driving licences, business creation, and
     * volunteer-mission training. The last is payable with the CEC money of the CPF only: the catalogue lists it as
     * CPF-payable and training-rights decides which pot pays (DOMAIN.md §1 "Eligible purchases").
     */
    static final List<Dated<Set<CertificationType>>> ELIGIBLE_ACTIONS = List.of(
            new Dated<>(LocalDate.of(2019, 1, 1), null,
                    EnumSet.of(CertificationType.RNCP, CertificationType.RS, CertificationType.CLEA,
                            CertificationType.VAE, CertificationType.BILAN, CertificationType.DRIVING_LICENCE,
                            CertificationType.BUSINESS_CREATION, CertificationType.VOLUNTEER_TRAINING),
                    "C. trav. L6323-6 (loi 2018-771)"));

    /**
     * Since 1 Jan 2022 an organisation must hold the Qualiopi quality certificate to be paid with
     * public or mutualised money, the CPF included (L6316-1, loi 2018-771 art. 6, postponed by
     * ordonnance 2020-387); the catalogue refuses to publish without it.
     */
    static final List<Dated<Boolean>> QUALIOPI_REQUIRED = List.of(
            new Dated<>(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31), false, "L6316-1 transitional period"),
            new Dated<>(LocalDate.of(2022, 1, 1), null, true, "C. trav. L6316-1"));

    /** The largest page the search answers; bigger requests are cut to it (ARCHITECTURE.md "Conventions"). */
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** Deepest row a page may start at: deeper paging is a scraper's, not a person's. */
    public static final int MAX_OFFSET = 10_000;
    /** At most this many Formacode or ROME codes per offer (DOMAIN.md §4). */
    public static final int MAX_CODES = 5;

    private CatalogueParameters() {
    }

    static <T> T inForce(List<Dated<T>> table, LocalDate day) {
        return table.stream().filter(d -> d.covers(day)).map(Dated::value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter in force on " + day));
    }
}
