package fr.cpa.catalogue.rules;

import java.time.LocalDate;
import java.util.Optional;

/** The catalogue's rules in plain Java: which offers are CPF-payable, who may publish and be paid. */
public final class CatalogueRules {

    private CatalogueRules() {
    }

    /**
     * Whether an offer is payable with the CPF on {@code day}: its action type is eligible (L6323-6)
     * and, for the certifications of a register (RNCP, RS), it names the certification. The other actions (CléA,
     * VAE, bilan, driving licence, business creation, volunteer-mission training) need no code. Payable with the CPF
     * does not say with which money: volunteer-mission training takes CEC money only (training-rights' rule).
     */
    public static boolean cpfEligible(CertificationType type, String certificationCode, LocalDate day) {
        if (type == null || !CatalogueParameters.inForce(CatalogueParameters.ELIGIBLE_ACTIONS, day).contains(type)) {
            return false;
        }
        boolean register = type == CertificationType.RNCP || type == CertificationType.RS;
        return !register || (certificationCode != null && !certificationCode.isBlank());
    }

    /** Facts about an organisation that decide whether it may publish. */
    public record Publisher(boolean active, String qualiopiCertificate, LocalDate qualiopiValidUntil) {
    }

    /** Why {@code publisher} may not publish on {@code day}, or empty when it may. */
    public static Optional<String> refusalToPublish(Publisher publisher, LocalDate day) {
        if (!publisher.active()) {
            return Optional.of("the organisation is suspended");
        }
        return qualiopiRefusal(publisher, day);
    }

    /**
     * Why {@code publisher} may not be paid with public money, the CPF included, on {@code day}: it holds no
     * Qualiopi certificate valid that day (L6316-1); empty when it does (its status is not judged here).
     * Publication is not enough: a certificate can expire after it, and imported offers arrive published
     * from organisations the export gives no certificate, so each step towards payment asks again.
     */
    public static Optional<String> qualiopiRefusal(Publisher publisher, LocalDate day) {
        if (!CatalogueParameters.inForce(CatalogueParameters.QUALIOPI_REQUIRED, day)) {
            return Optional.empty();
        }
        if (publisher.qualiopiCertificate() == null || publisher.qualiopiCertificate().isBlank()
                || publisher.qualiopiValidUntil() == null) {
            return Optional.of("the organisation has no Qualiopi certificate (C. trav. L6316-1)");
        }
        if (publisher.qualiopiValidUntil().isBefore(day)) {
            return Optional.of("the organisation's Qualiopi certificate expired on " + publisher.qualiopiValidUntil()
                    + " (C. trav. L6316-1)");
        }
        return Optional.empty();
    }
}
