package fr.cpa.trainingrights.rules;

import java.time.LocalDate;

/** One dated value of a parameter: in force from {@code from} to {@code to} inclusive ({@code to} null: still). */
public record ParameterValue(Param param, long value, LocalDate from, LocalDate to) {

    public ParameterValue {
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException(param + ": period ends before it starts");
        }
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** How the explanation shows it: {@code YEARLY_CREDIT = 500.00 € (from 2019-01-01)}. */
    public String describe() {
        return param + " = " + Amounts.format(param.unit(), value)
                + " (" + from + (to == null ? " onwards" : " to " + to) + ")";
    }
}
