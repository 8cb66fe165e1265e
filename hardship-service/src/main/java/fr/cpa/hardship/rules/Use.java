package fr.cpa.hardship.rules;

/** The four uses of C2P points (L4163-7). */
public enum Use {
    TRAINING, RECONVERSION, PART_TIME, RETIREMENT;

    /** Training and reconversion may spend the reserved points; the others may not. */
    public boolean mayUseReserved() {
        return this == TRAINING || this == RECONVERSION;
    }
}
