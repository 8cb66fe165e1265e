package fr.cpa.civic.rules;

/**
 * A volunteer's role in an association. Only board members and those who supervise other volunteers
 * earn CEC credit (L5151-9 3°, D5151-15).
 */
public enum AssociationRole {
    BOARD_MEMBER(true),
    VOLUNTEER_SUPERVISOR(true),
    VOLUNTEER(false);

    private final boolean counts;

    AssociationRole(boolean counts) {
        this.counts = counts;
    }

    public boolean counts() {
        return counts;
    }
}
