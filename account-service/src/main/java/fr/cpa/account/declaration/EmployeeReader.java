package fr.cpa.account.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cpa.account.nir.Nir;
import fr.cpa.account.nir.NirBirthDate;
import fr.cpa.platform.problem.Problem.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one employee of a declaration body and checks it against the rules of DOMAIN.md §5, adding
 * every broken rule to {@code errors} by its JSON path ({@code employees[42].contract.start}); never
 * stops at the first. {@code period} may be null when the header itself is invalid: the checks that
 * need it are then skipped, the others still run.
 */
final class EmployeeReader {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final int MAX_NAME = 100;

    private final YearMonth period;

    EmployeeReader(YearMonth period) {
        this.period = period;
    }

    Optional<DeclaredEmployee> read(int index, JsonNode node, List<FieldError> errors) {
        String path = "employees[" + index + "]";
        int before = errors.size();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(path, "must be a JSON object"));
            return Optional.empty();
        }
        Fields f = new Fields(node, path, errors);
        String nirText = f.text("nir", true, 30);
        Nir nir = null;
        if (nirText != null) {
            nir = Nir.parse(nirText).orElse(null);
            if (nir == null) {
                f.error("nir", "is not a valid NIR (15 characters whose last two are the key 97 − number mod 97)");
            }
        }
        String lastName = f.text("lastName", true, MAX_NAME);
        String firstName = f.text("firstName", true, MAX_NAME);
        LocalDate birthDate = f.date("birthDate", true);
        if (birthDate != null) {
            if (birthDate.isBefore(LocalDate.of(1900, 1, 1))) {
                f.error("birthDate", "must be on or after 1900-01-01");
            } else if (period != null && !birthDate.isBefore(period.atDay(1))) {
                f.error("birthDate", "must be before the declared period");
            } else if (nir != null && !NirBirthDate.matches(nir, birthDate)) {
                f.error("nir", "does not match birthDate (year and month of birth)");
            }
        }
        DeclaredEmployee.Contract contract = contract(f);
        String unit = f.oneOf("timeUnit", true, Set.of("HOURS", "DAYS", "NONE"));
        Long paid = null;
        Long reference = null;
        if ("HOURS".equals(unit)) {
            paid = hoursAsMinutes(f, "paidTime", true, false);
            reference = hoursAsMinutes(f, "referenceTime", true, true);
        } else if ("DAYS".equals(unit)) {
            paid = days(f, "paidTime", false);
            reference = days(f, "referenceTime", true);
        } else if ("NONE".equals(unit)) {
            f.absent("paidTime", "must be null when timeUnit is NONE (staff paid without an hours basis)");
            f.absent("referenceTime", "must be null when timeUnit is NONE");
        }
        Integer partTimeRate = f.integer("partTimeRate", "HOURS".equals(unit), 1, 100);
        Long grossPay = money(f, "grossPay", "NONE".equals(unit));
        List<DeclaredEmployee.Absence> absences = absences(f);
        List<DeclaredEmployee.Exposure> exposures = exposures(f, contract);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new DeclaredEmployee(index, nir, lastName, firstName, birthDate, contract, unit, paid,
                reference, partTimeRate, grossPay, absences, exposures));
    }

    private DeclaredEmployee.Contract contract(Fields parent) {
        Fields f = parent.object("contract", true);
        if (f == null) {
            return null;
        }
        String nature = f.oneOf("nature", true, DeclarationParameters.CONTRACT_NATURES);
        LocalDate start = f.date("start", true);
        LocalDate end = f.date("end", false);
        String status = f.oneOf("status", true, DeclarationParameters.CONTRACT_STATUSES);
        String category = f.text("category", false, 1);
        if ("CIVIL_SERVANT".equals(status)) {
            if (category == null || !DeclarationParameters.CIVIL_SERVANT_CATEGORIES.contains(category)) {
                f.error("category", "a civil servant has a category: one of A, B, C");
            }
        } else if (category != null) {
            f.error("category", "must be null unless status is CIVIL_SERVANT");
        }
        if (start != null && end != null && end.isBefore(start)) {
            f.error("end", "must be on or after start");
        }
        if (period != null) {
            if (start != null && start.isAfter(period.atEndOfMonth())) {
                f.error("start", "is after the declared period: the contract must run during " + period);
            }
            if (end != null && end.isBefore(period.atDay(1))) {
                f.error("end", "is before the declared period: the contract must run during " + period);
            }
        }
        return new DeclaredEmployee.Contract(nature, start, end, status, category);
    }

    /** Hours with at most two decimals, as whole minutes (151.67 h → 9 100 min), at most the month's hours. */
    private Long hoursAsMinutes(Fields f, String name, boolean required, boolean positive) {
        BigDecimal hours = f.decimal(name, required);
        if (hours == null) {
            return null;
        }
        if (positive ? hours.signum() <= 0 : hours.signum() < 0) {
            f.error(name, positive ? "must be more than 0" : "must not be negative");
            return null;
        }
        if (period != null && hours.compareTo(BigDecimal.valueOf(period.lengthOfMonth() * 24L)) > 0) {
            f.error(name, "cannot exceed the " + period.lengthOfMonth() * 24 + " hours of " + period);
            return null;
        }
        return minutes(hours);
    }

    static long minutes(BigDecimal hours) {
        return hours.multiply(SIXTY).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private Long days(Fields f, String name, boolean positive) {
        BigDecimal days = f.decimal(name, true);
        if (days == null) {
            return null;
        }
        if (days.stripTrailingZeros().scale() > 0) {
            f.error(name, "must be a whole number of days");
            return null;
        }
        if (positive ? days.signum() <= 0 : days.signum() < 0) {
            f.error(name, positive ? "must be more than 0" : "must not be negative");
            return null;
        }
        if (period != null && days.compareTo(BigDecimal.valueOf(period.lengthOfMonth())) > 0) {
            f.error(name, "cannot exceed the " + period.lengthOfMonth() + " days of " + period);
            return null;
        }
        return days.longValueExact();
    }

    /** {@code {"amount": cents, "currency": "EUR"}} as elsewhere in the API. */
    private static Long money(Fields parent, String name, boolean required) {
        Fields f = parent.object(name, required);
        if (f == null) {
            return null;
        }
        BigDecimal amount = f.decimal("amount", true);
        String currency = f.text("currency", false, 3);
        if (currency != null && !"EUR".equals(currency)) {
            f.error("currency", "only EUR is supported");
        }
        if (amount == null) {
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 0 || amount.signum() < 0) {
            f.error("amount", "must be a whole, non-negative number of cents");
            return null;
        }
        return amount.longValueExact();
    }

    private List<DeclaredEmployee.Absence> absences(Fields parent) {
        List<DeclaredEmployee.Absence> absences = new ArrayList<>();
        List<Fields> items = parent.array("absences");
        Set<String> counted = period == null ? null : DeclarationParameters.countedAbsences(period.atDay(1));
        for (Fields f : items) {
            String kind = f.text("kind", true, 40);
            if (kind != null && counted != null && !counted.contains(kind)) {
                f.error("kind", "is not an absence counted for the CPF (L6323-12): one of "
                        + String.join(", ", counted.stream().sorted().toList()));
            }
            Long minutes = hoursAsMinutes(f, "hours", true, true);
            if (kind != null && minutes != null) {
                absences.add(new DeclaredEmployee.Absence(kind, minutes));
            }
        }
        return absences;
    }

    /**
     * Hardship factors above threshold are declared once a year (DOMAIN.md §2): in the December
     * declaration, or in the month the contract ends; for private-law employees only, since the C2P does
     * not cover public-law staff; and for no more months than the contract ran that year.
     */
    private List<DeclaredEmployee.Exposure> exposures(Fields parent, DeclaredEmployee.Contract contract) {
        List<DeclaredEmployee.Exposure> exposures = new ArrayList<>();
        List<Fields> items = parent.array("exposures");
        if (items.isEmpty() || period == null) {
            return exposures;
        }
        if (contract != null && "CIVIL_SERVANT".equals(contract.status())) {
            // The hardship service cannot tell: ActivityDeclared carries the status, ExposureDeclared does not.
            parent.error("exposures", "hardship factors (C2P) cover private-law employees only, not civil servants");
            return exposures;
        }
        boolean endsThisMonth = contract != null && contract.end() != null
                && YearMonth.from(contract.end()).equals(period);
        if (period.getMonthValue() != 12 && !endsThisMonth) {
            parent.error("exposures", "hardship factors are declared once a year: in the December declaration "
                    + "or in the month the contract ends");
            return exposures;
        }
        int year = period.getYear();
        Set<String> seen = new HashSet<>();
        for (Fields f : items) {
            String name = f.text("factor", true, 40);
            DeclarationParameters.Factor factor = null;
            if (name != null) {
                factor = DeclarationParameters.factor(name).orElse(null);
                if (factor == null) {
                    f.error("factor", "must be one of " + String.join(", ",
                            DeclarationParameters.FACTORS.keySet().stream().sorted().toList()));
                } else if (!factor.inForceDuring(year)) {
                    f.error("factor", name + " is not a hardship factor in " + year);
                    factor = null;
                }
            }
            List<DeclarationParameters.Unit> given = new ArrayList<>();
            for (DeclarationParameters.Unit unit : DeclarationParameters.Unit.values()) {
                if (f.has(unit.field)) {
                    given.add(unit);
                }
            }
            Long quantity = null;
            DeclarationParameters.Unit unit = null;
            if (factor != null) {
                List<String> allowed = factor.units().stream().map(u -> u.field).sorted().toList();
                if (given.size() != 1 || !factor.units().contains(given.get(0))) {
                    f.error(given.size() == 1 ? given.get(0).field : "$", name + " is measured in exactly one of: "
                            + String.join(", ", allowed));
                } else {
                    unit = given.get(0);
                    quantity = wholePositive(f, unit.field, maxQuantity(unit, year));
                }
            }
            Integer months = f.integer("months", false, 1, 12);
            if (contract != null && contract.start() != null) {
                int running = monthsInYear(contract.start(), contract.end(), year);
                if (months == null) {
                    months = running;
                } else if (months > running) {
                    // more months exposed than worked would earn a whole year's points for part of one
                    f.error("months", "cannot exceed the " + running + " month(s) of " + year + " the contract runs");
                    months = null;
                }
            }
            if (factor != null && unit != null && !seen.add(factor.name() + "/" + unit)) {
                f.error("factor", name + " is declared twice");
            } else if (quantity != null && months != null) {
                exposures.add(new DeclaredEmployee.Exposure(factor.name(), quantity, unit.name(), months));
            }
        }
        return exposures;
    }

    /** A year has at most 366 nights and 8 784 hours: more is a typing error. */
    private static long maxQuantity(DeclarationParameters.Unit unit, int year) {
        int days = java.time.Year.isLeap(year) ? 366 : 365;
        return switch (unit) {
            case NIGHTS -> days;
            case HOURS -> days * 24L;
            case INTERVENTIONS, PEAKS -> Long.MAX_VALUE;
        };
    }

    private static Long wholePositive(Fields f, String name, long max) {
        BigDecimal value = f.decimal(name, true);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.signum() <= 0) {
            f.error(name, "must be a whole number above 0");
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            f.error(name, "cannot exceed " + max + " in a year");
            return null;
        }
        return value.longValueExact();
    }

    /** Calendar months of {@code year} during which the contract runs (start to end, either partial). */
    static int monthsInYear(LocalDate start, LocalDate end, int year) {
        YearMonth first = YearMonth.from(start).isBefore(YearMonth.of(year, 1)) ? YearMonth.of(year, 1) : YearMonth.from(start);
        YearMonth last = end == null || YearMonth.from(end).isAfter(YearMonth.of(year, 12))
                ? YearMonth.of(year, 12) : YearMonth.from(end);
        if (last.isBefore(first)) {
            return 0;
        }
        return (last.getYear() - first.getYear()) * 12 + last.getMonthValue() - first.getMonthValue() + 1;
    }

    /** Typed access to an object's fields, adding an error per bad field under {@code path}. */
    static final class Fields {
        private final JsonNode node;
        private final String path;
        private final List<FieldError> errors;

        Fields(JsonNode node, String path, List<FieldError> errors) {
            this.node = node;
            this.path = path;
            this.errors = errors;
        }

        void error(String name, String message) {
            errors.add(new FieldError("$".equals(name) ? path : path + "." + name, message));
        }

        boolean has(String name) {
            JsonNode value = node.get(name);
            return value != null && !value.isNull();
        }

        private JsonNode value(String name, boolean required) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    error(name, "must be given");
                }
                return null;
            }
            return value;
        }

        String text(String name, boolean required, int maxLength) {
            JsonNode value = value(name, required);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                error(name, "must be a string");
                return null;
            }
            String text = value.asText().strip();
            if (text.isEmpty()) {
                error(name, "must not be blank");
                return null;
            }
            if (text.length() > maxLength) {
                error(name, "must be at most " + maxLength + " characters");
                return null;
            }
            if (text.indexOf('\u0000') >= 0) {
                error(name, "must not contain the NUL character"); // PostgreSQL text cannot hold it
                return null;
            }
            return text;
        }

        String oneOf(String name, boolean required, Set<String> allowed) {
            String text = text(name, required, 60);
            if (text != null && !allowed.contains(text)) {
                error(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
                return null;
            }
            return text;
        }

        LocalDate date(String name, boolean required) {
            JsonNode value = value(name, required);
            if (value == null) {
                return null;
            }
            try {
                if (value.isTextual()) {
                    return LocalDate.parse(value.asText());
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            error(name, "must be a date (YYYY-MM-DD)");
            return null;
        }

        BigDecimal decimal(String name, boolean required) {
            JsonNode value = value(name, required);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                error(name, "must be a number");
                return null;
            }
            BigDecimal number = value.decimalValue();
            if (number.abs().compareTo(DeclarationParameters.MAX_NUMBER) > 0) {
                error(name, "is too large");
                return null;
            }
            if (number.stripTrailingZeros().scale() > DeclarationParameters.MAX_DECIMALS) {
                error(name, "must have at most " + DeclarationParameters.MAX_DECIMALS + " decimals");
                return null;
            }
            return number;
        }

        Integer integer(String name, boolean required, int min, int max) {
            BigDecimal number = decimal(name, required);
            if (number == null) {
                return null;
            }
            if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                    || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                error(name, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return number.intValueExact();
        }

        void absent(String name, String message) {
            if (has(name)) {
                error(name, message);
            }
        }

        Fields object(String name, boolean required) {
            JsonNode value = value(name, required);
            if (value == null) {
                return null;
            }
            if (!value.isObject()) {
                error(name, "must be a JSON object");
                return null;
            }
            return new Fields(value, path + "." + name, errors);
        }

        /** The objects of an optional array (absent or null: none). */
        List<Fields> array(String name) {
            JsonNode value = value(name, false);
            List<Fields> items = new ArrayList<>();
            if (value == null) {
                return items;
            }
            if (!value.isArray()) {
                error(name, "must be an array");
                return items;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String itemPath = path + "." + name + "[" + i + "]";
                if (!item.isObject()) {
                    errors.add(new FieldError(itemPath, "must be a JSON object"));
                } else {
                    items.add(new Fields(item, itemPath, errors));
                }
            }
            return items;
        }
    }
}
