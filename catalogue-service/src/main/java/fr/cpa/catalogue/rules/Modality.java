package fr.cpa.catalogue.rules;

/** How an offer is delivered. */
public enum Modality {
    ON_SITE, REMOTE, MIXED
}
