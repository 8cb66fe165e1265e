package fr.cpa.hardship.simulation;

import fr.cpa.hardship.rules.C2pParameters;
import fr.cpa.hardship.rules.Exposure;
import fr.cpa.hardship.rules.Factor;
import fr.cpa.hardship.rules.PointsRule;
import fr.cpa.hardship.rules.Unit;
import fr.cpa.hardship.rules.YearPoints;
import fr.cpa.platform.problem.Problem.FieldError;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validates a simulation as a whole (every bad field named) and scores it year by year, oldest first. */
@ApplicationScoped
class Simulator {

    static final int FIRST_YEAR = C2pParameters.FIRST_YEAR;
    static final int MAX_YEARS = 60;
    static final int MAX_EXPOSURES = 20;

    private final Clock clock;

    Simulator(Clock clock) {
        this.clock = clock;
    }

    SimulationResult simulate(SimulationRequest request) {
        validate(request);
        List<SimulationRequest.Year> years = new ArrayList<>(request.years());
        years.sort(Comparator.comparing(SimulationRequest.Year::year));
        List<SimulationResult.Year> results = new ArrayList<>();
        int total = 0;
        for (SimulationRequest.Year year : years) {
            List<Exposure> exposures = year.exposures().stream().map(Simulator::exposure).toList();
            YearPoints points = PointsRule.compute(year.year(), request.birthDate(), exposures, total);
            results.add(new SimulationResult.Year(points.year(), points.points(), points.explanation()));
            total += points.points();
        }
        return new SimulationResult(results, total);
    }

    private static Exposure exposure(SimulationRequest.Exposure e) {
        Factor factor = Factor.parse(e.factor()).orElseThrow();
        Unit unit = given(e).get(0);
        return new Exposure(null, factor, unit, quantity(e, unit), e.months());
    }

    private void validate(SimulationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid("body", "a simulation request is required");
        }
        LocalDate today = LocalDate.now(clock);
        int lastYear = today.getYear() + 1;
        if (request.birthDate() == null) {
            errors.add(new FieldError("birthDate", "is required"));
        } else if (request.birthDate().isAfter(today)) {
            errors.add(new FieldError("birthDate", "must not be in the future"));
        }
        if (request.years() == null || request.years().isEmpty()) {
            errors.add(new FieldError("years", "at least one year is required"));
        } else if (request.years().size() > MAX_YEARS) {
            errors.add(new FieldError("years", "at most " + MAX_YEARS + " years"));
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < request.years().size(); i++) {
                String path = "years[" + i + "]";
                SimulationRequest.Year year = request.years().get(i);
                if (year == null) {
                    errors.add(new FieldError(path, "is required"));
                    continue;
                }
                if (year.year() == null) {
                    errors.add(new FieldError(path + ".year", "is required"));
                } else if (year.year() < FIRST_YEAR || year.year() > lastYear) {
                    errors.add(new FieldError(path + ".year", "must be between " + FIRST_YEAR + " and " + lastYear));
                } else if (!seen.add(year.year())) {
                    errors.add(new FieldError(path + ".year", "year " + year.year() + " is given twice"));
                }
                validateExposures(path, year.exposures(), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void validateExposures(String path, List<SimulationRequest.Exposure> exposures, List<FieldError> errors) {
        if (exposures == null) {
            errors.add(new FieldError(path + ".exposures", "is required (may be empty)"));
            return;
        }
        if (exposures.size() > MAX_EXPOSURES) {
            errors.add(new FieldError(path + ".exposures", "at most " + MAX_EXPOSURES + " exposures a year"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < exposures.size(); j++) {
            String at = path + ".exposures[" + j + "]";
            SimulationRequest.Exposure e = exposures.get(j);
            if (e == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            var factor = Factor.parse(e.factor());
            if (e.factor() == null) {
                errors.add(new FieldError(at + ".factor", "is required"));
            } else if (factor.isEmpty()) {
                errors.add(new FieldError(at + ".factor", "unknown factor; one of " + List.of(Factor.values())));
            }
            List<Unit> given = given(e);
            if (given.isEmpty()) {
                errors.add(new FieldError(at, "one quantity is required: "
                        + factor.map(f -> f.units().stream().map(Unit::field).toList().toString()).orElse("nights, hours, interventions or peaks")));
            } else if (given.size() > 1) {
                errors.add(new FieldError(at, "exactly one quantity, got " + given.stream().map(Unit::field).toList()));
            } else {
                Unit unit = given.get(0);
                if (factor.isPresent() && !factor.get().units().contains(unit)) {
                    errors.add(new FieldError(at + "." + unit.field(), factor.get() + " is measured in "
                            + factor.get().units().stream().map(Unit::field).toList()));
                } else if (quantity(e, unit) < 0) {
                    errors.add(new FieldError(at + "." + unit.field(), "must not be negative"));
                } else if (factor.isPresent() && !seen.add(factor.get() + "/" + unit)) {
                    errors.add(new FieldError(at + ".factor", factor.get() + " in " + unit.field() + " is given twice this year"));
                }
            }
            if (e.months() == null) {
                errors.add(new FieldError(at + ".months", "is required (12 = whole year)"));
            } else if (e.months() < C2pParameters.MINIMUM_CONTRACT_MONTHS || e.months() > C2pParameters.MONTHS_IN_YEAR) {
                errors.add(new FieldError(at + ".months", "must be between " + C2pParameters.MINIMUM_CONTRACT_MONTHS + " and " + C2pParameters.MONTHS_IN_YEAR));
            }
        }
    }

    private static List<Unit> given(SimulationRequest.Exposure e) {
        List<Unit> units = new ArrayList<>();
        if (e.nights() != null) {
            units.add(Unit.NIGHTS);
        }
        if (e.hours() != null) {
            units.add(Unit.HOURS);
        }
        if (e.interventions() != null) {
            units.add(Unit.INTERVENTIONS);
        }
        if (e.peaks() != null) {
            units.add(Unit.PEAKS);
        }
        return units;
    }

    private static long quantity(SimulationRequest.Exposure e, Unit unit) {
        return switch (unit) {
            case NIGHTS -> e.nights();
            case HOURS -> e.hours();
            case INTERVENTIONS -> e.interventions();
            case PEAKS -> e.peaks();
        };
    }
}
