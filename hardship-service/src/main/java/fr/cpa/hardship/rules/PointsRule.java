package fr.cpa.hardship.rules;

import fr.cpa.hardship.rules.C2pParameters.PointsScale;
import fr.cpa.hardship.rules.C2pParameters.Threshold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a year's declared exposures into C2P points (DOMAIN.md §2, D4163-2 and R4163-9).
 *
 * <p>Each employer's declaration is one contract: its factors are checked against the year's
 * minimums, scored on the year's scale, and the contracts' points are added. Then the doubling for
 * people born before 1 Jul 1956, then the career cap when the year's scale has one.
 */
public final class PointsRule {

    private PointsRule() {
    }

    /**
     * @param acquiredBefore points acquired in other years before this one, for the career cap
     */
    public static YearPoints compute(int year, LocalDate birthDate, List<Exposure> exposures, int acquiredBefore) {
        var scale = C2pParameters.scaleForYear(year);
        List<String> why = new ArrayList<>();
        Map<String, List<Exposure>> byContract = new LinkedHashMap<>();
        for (Exposure exposure : exposures) {
            byContract.computeIfAbsent(Objects.requireNonNullElse(exposure.contract(), ""), c -> new ArrayList<>()).add(exposure);
        }
        int points = 0;
        for (var contract : byContract.entrySet()) {
            points += contractPoints(year, scale.value(), scale.source(), contract.getKey(), contract.getValue(), why);
        }
        if (points > 0 && birthDate.isBefore(C2pParameters.DOUBLED_IF_BORN_BEFORE)) {
            why.add("born " + birthDate + ", before " + C2pParameters.DOUBLED_IF_BORN_BEFORE + ": " + points + " × "
                    + C2pParameters.DOUBLING_FACTOR + " = " + points * C2pParameters.DOUBLING_FACTOR + " points (R4163-9)");
            points *= C2pParameters.DOUBLING_FACTOR;
        }
        Integer cap = scale.value().careerCap();
        if (cap != null && points > 0) {
            int room = Math.max(0, cap - acquiredBefore);
            if (points > room) {
                why.add("career cap of " + cap + " points (until " + scale.to() + ", R4163-11): " + acquiredBefore
                        + " acquired before, " + points + " cut to " + room);
                points = room;
            }
        }
        why.add(year + ": " + points + " points");
        return new YearPoints(year, points, List.copyOf(why));
    }

    private static int contractPoints(int year, PointsScale scale, String scaleSource, String contract,
                                      List<Exposure> exposures, List<String> why) {
        String prefix = contract.isEmpty() ? "" : "contract " + contract + ": ";
        // Nights worked under alternating shifts are not counted again as night work (D4163-2).
        long alternatingNights = exposures.stream()
                .filter(e -> e.factor() == Factor.ALTERNATING_SHIFTS && e.unit() == Unit.NIGHTS)
                .mapToLong(Exposure::quantity).sum();
        Map<Factor, Integer> exposedMonths = new EnumMap<>(Factor.class);
        for (Exposure exposure : exposures) {
            Factor factor = exposure.factor();
            if (!C2pParameters.factorInForce(factor, year)) {
                var period = C2pParameters.factorPeriod(factor).orElseThrow();
                why.add(prefix + factor + " is not a hardship factor in " + year + " (in force " + period.period()
                        + ", " + period.source() + "): not counted");
                continue;
            }
            if (exposure.months() < C2pParameters.MINIMUM_CONTRACT_MONTHS) {
                why.add(prefix + factor + ": exposed less than " + C2pParameters.MINIMUM_CONTRACT_MONTHS
                        + " month, outside the C2P (L4163-1): not counted");
                continue;
            }
            long quantity = exposure.quantity();
            if (factor == Factor.NIGHT_WORK && alternatingNights > 0) {
                long counted = Math.max(0, quantity - alternatingNights);
                why.add(prefix + "NIGHT_WORK: " + quantity + " nights less the " + alternatingNights
                        + " counted under alternating shifts = " + counted + " (D4163-2)");
                quantity = counted;
            }
            var threshold = C2pParameters.thresholdForYear(factor, exposure.unit(), year);
            if (threshold.isEmpty()) {
                why.add(prefix + factor + " is not measured in " + exposure.unit().field() + ": not counted");
                continue;
            }
            Threshold t = threshold.get().value();
            String unit = exposure.unit().field();
            if (quantity >= t.minimum()) {
                why.add(prefix + factor + ": " + quantity + " " + unit + " ≥ " + t.minimum() + " (threshold "
                        + threshold.get().period() + ", " + threshold.get().source() + "), " + exposure.months() + " months");
                exposedMonths.merge(factor, Math.min(exposure.months(), C2pParameters.MONTHS_IN_YEAR), Math::max);
            } else {
                why.add(prefix + factor + ": " + quantity + " " + unit + " < " + t.minimum() + " (threshold "
                        + threshold.get().period() + ", " + threshold.get().source() + "): not counted");
            }
        }
        if (exposedMonths.isEmpty()) {
            return 0;
        }
        int n = exposedMonths.size();
        int points;
        String rule;
        if (scale.perFactor()) {
            points = 0;
            for (int months : exposedMonths.values()) {
                points += months == C2pParameters.MONTHS_IN_YEAR ? scale.wholeYearOne()
                        : months / scale.periodMonths() * scale.perPeriodOne();
            }
            boolean wholeYear = exposedMonths.values().stream().allMatch(m -> m == C2pParameters.MONTHS_IN_YEAR);
            rule = (wholeYear ? "whole year, " + scale.wholeYearOne() + " per factor"
                    : scale.perPeriodOne() + " per factor per full " + scale.periodMonths() + "-month period, "
                    + scale.wholeYearOne() + " per factor for a whole year")
                    + ", " + n + (n == 1 ? " factor" : " factors");
        } else {
            int months = exposedMonths.values().stream().max(Integer::compare).orElseThrow();
            if (months == C2pParameters.MONTHS_IN_YEAR) {
                points = n == 1 ? scale.wholeYearOne() : scale.wholeYearSeveral();
                rule = "whole year, " + (n == 1 ? "one factor" : n + " factors");
            } else {
                int periods = months / scale.periodMonths();
                int perPeriod = n == 1 ? scale.perPeriodOne() : scale.perPeriodSeveral();
                points = periods * perPeriod;
                rule = months + " months = " + periods + " full " + scale.periodMonths() + "-month period(s) × "
                        + perPeriod + " (" + (n == 1 ? "one factor" : n + " factors") + ")";
            }
        }
        why.add(prefix + rule + ": " + points + " points (" + scaleSource + ")");
        return points;
    }
}
