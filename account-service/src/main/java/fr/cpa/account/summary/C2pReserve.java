package fr.cpa.account.summary;

/**
 * The first C2P points are reserved for training or reconversion (R4163-11, DOMAIN.md §2): 20 points,
 * none for a holder born before 1960, 10 for one born 1960–1962. The summary shows what remains of
 * that reserve and what is usable for the other uses (part-time, retirement).
 */
final class C2pReserve {

    /** Reserved points by year of birth: a table, so that a change of the law is a new row. */
    record Band(int bornFrom, int bornTo, int reservedPoints) {
    }

    static final java.util.List<Band> BANDS = java.util.List.of(
            new Band(Integer.MIN_VALUE, 1959, 0),
            new Band(1960, 1962, 10),
            new Band(1963, Integer.MAX_VALUE, 20));

    /** What the summary shows: points kept for training, and points free for any use. */
    record Split(int total, int reservedForTraining, int usable) {
    }

    private C2pReserve() {
    }

    static int reservedPoints(Integer birthYear) {
        int year = birthYear == null ? Integer.MAX_VALUE : birthYear;
        return BANDS.stream().filter(b -> year >= b.bornFrom() && year <= b.bornTo())
                .mapToInt(Band::reservedPoints).findFirst().orElse(0);
    }

    /**
     * @param usedForTraining points already converted for training or reconversion: they consume the reserve
     */
    static Split split(int total, int usedForTraining, Integer birthYear) {
        int reserve = Math.max(0, reservedPoints(birthYear) - usedForTraining);
        int reserved = Math.min(Math.max(total, 0), reserve);
        return new Split(total, reserved, Math.max(total, 0) - reserved);
    }
}
