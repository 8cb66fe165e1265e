package fr.cpa.catalogue.rules;

/**
 * What an offer leads to (the open-data {@code type_referentiel}, extended with the action types of
 * L6323-6 that are not certifications).
 */
public enum CertificationType {
    /** Répertoire national des certifications professionnelles. */
    RNCP,
    /** Répertoire spécifique (skills certifications, habilitations). */
    RS,
    /** CléA, the basic-skills certificate (an RS certification with its own CPF rules). */
    CLEA,
    /** Validation des acquis de l'expérience support. */
    VAE,
    /** Bilan de compétences (skills assessment). */
    BILAN,
    /** Driving licence (car, motorbike, heavy vehicles). */
    DRIVING_LICENCE,
    /** Support to create or take over a business. */
    BUSINESS_CREATION,
    /**
     * Formation des bénévoles et volontaires: training that lets volunteers and civic-service volunteers acquire the
     * skills of their missions (L6323-6). CPF-payable, but only with CEC money (training-rights spends no other pot on
     * it), and the one purchase left to a holder who claimed their pension (L6323-3). No register code.
     */
    VOLUNTEER_TRAINING,
    /** Any other training: listed, but not payable with the CPF. */
    OTHER
}
