package fr.cpa.platform.security;

/** The roles a token may carry in its {@code groups} claim (ARCHITECTURE.md "Security"). */
public final class Roles {
    /** A person with a CPA (titulaire); {@code sub} is their holder id. */
    public static final String HOLDER = "holder";
    /** An employer's payroll system; bound to its SIRET by the {@code siret} claim. */
    public static final String EMPLOYER = "employer";
    /** A training organisation; bound to its SIRET by the {@code siret} claim. */
    public static final String TRAINING_ORG = "training-org";
    /** An association's validator; bound to its RNA number by the {@code rna} claim. */
    public static final String ASSOCIATION = "association";
    /** A public advisor (France Travail, Cap emploi…) acting for holders. */
    public static final String ADVISOR = "advisor";
    /** An operator of the platform. */
    public static final String ADMIN = "admin";
    /** Another system of the platform or of the State (machine to machine). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
