package fr.cpa.account.holder;

import fr.cpa.account.parameter.Dated;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The dated figures of the holder rules: one place, each with the period it is in force. */
final class HolderParameters {

    /** Ages (inclusive) of a young person without a diploma: 16 to 25 (DOMAIN.md §1, return to qualifying training). */
    record AgeRange(int min, int max) {
    }

    static final List<Dated<AgeRange>> YOUNG_WITHOUT_DIPLOMA_AGES = List.of(
            Dated.since(LocalDate.of(2015, 1, 1), new AgeRange(16, 25)));

    /**
     * The low-qualified declaration (no level-3 diploma) raises the CPF credit from 2017 on
     * (DOMAIN.md §1); before that year it has no effect and is refused.
     */
    static final List<Dated<Boolean>> LOW_QUALIFIED_DECLARATION = List.of(
            Dated.since(LocalDate.of(2017, 1, 1), Boolean.TRUE));

    /** Categories of civil servants (catégories hiérarchiques de la fonction publique). */
    static final List<Dated<Set<String>>> CIVIL_SERVANT_CATEGORIES = List.of(
            Dated.since(LocalDate.of(2015, 1, 1), Set.of("A", "B", "C")));

    /** Statuses start at the earliest on this day: accounts carry history from the CPF's start. */
    static final LocalDate EARLIEST_HISTORY = LocalDate.of(2015, 1, 1);

    private HolderParameters() {
    }

    static Optional<AgeRange> youngAges(LocalDate day) {
        return Dated.on(YOUNG_WITHOUT_DIPLOMA_AGES, day);
    }

    static boolean lowQualifiedDeclarationOpen(LocalDate day) {
        return Dated.on(LOW_QUALIFIED_DECLARATION, day).orElse(false);
    }

    static Set<String> civilServantCategories(LocalDate day) {
        return Dated.on(CIVIL_SERVANT_CATEGORIES, day).orElse(Set.of());
    }
}
