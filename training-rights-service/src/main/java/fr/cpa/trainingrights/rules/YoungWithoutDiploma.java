package fr.cpa.trainingrights.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;

import static fr.cpa.trainingrights.rules.Amounts.euros;

/**
 * Young people without a diploma (DOMAIN.md §1): from 16 to 25, out of school without a qualification
 * (status YOUNG_WITHOUT_DIPLOMA from account-service), they have a right to return to qualifying
 * training and the region funds what their project needs beyond the CPF ("autant d'heures que
 * nécessaire"): a top-up from the region, without cap, on a qualifying training — an RNCP
 * certification or CléA — covering the whole shortfall.
 */
public final class YoungWithoutDiploma {

    static final Set<String> QUALIFYING = Set.of("RNCP", "CLEA");

    /** The region's top-up: what it pays and why. */
    public record TopUp(long cents, Explanation explanation) {
    }

    private final ParameterTable table;

    public YoungWithoutDiploma(ParameterTable table) {
        this.table = table;
    }

    /**
     * @param youngStatus    the holder has the YOUNG_WITHOUT_DIPLOMA status on {@code date}
     * @param shortfallCents what the CPF does not pay of the price (after any co-funding)
     */
    public Optional<TopUp> regionalTopUp(LocalDate date, LocalDate birthDate, boolean youngStatus, String actionType,
                                         long shortfallCents) {
        if (shortfallCents <= 0 || !youngStatus || !QUALIFYING.contains(actionType) || birthDate == null) {
            return Optional.empty();
        }
        var min = table.find(Param.YOUNG_WITHOUT_DIPLOMA_MIN_AGE, date);
        var max = table.find(Param.YOUNG_WITHOUT_DIPLOMA_MAX_AGE, date);
        if (min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        int age = Period.between(birthDate, date).getYears();
        if (age < min.get().value() || age > max.get().value()) {
            return Optional.empty();
        }
        ExplanationBuilder x = new ExplanationBuilder("YOUNG_WITHOUT_DIPLOMA_REGION_TOP_UP", Param.YOUNG_WITHOUT_DIPLOMA_MIN_AGE.legalReference());
        x.use(min.get());
        x.use(max.get());
        x.input("date", date).input("age", age).input("status", "YOUNG_WITHOUT_DIPLOMA").input("actionType", actionType)
                .input("shortfall", euros(shortfallCents));
        x.step("age " + age + " in [" + min.get().value() + ", " + max.get().value() + "], qualifying training " + actionType);
        x.step("the region pays the whole shortfall, without cap: " + euros(shortfallCents));
        return Optional.of(new TopUp(shortfallCents, x.result("region top-up " + euros(shortfallCents) + " for this training only")));
    }
}
