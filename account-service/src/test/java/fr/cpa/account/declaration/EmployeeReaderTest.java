package fr.cpa.account.declaration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cpa.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §5 (what a declaration carries) and §2 (exposures once a year), one rule at a time. */
class EmployeeReaderTest {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final LocalDate BIRTH = LocalDate.of(1985, 5, 10);
    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final YearMonth DECEMBER = YearMonth.of(2025, 12);

    /** The issue's example employee. */
    static ObjectNode employee() {
        try {
            return (ObjectNode) MAPPER.readTree("""
                    {"nir": "%s", "lastName": "Durand", "firstName": "Paul", "birthDate": "1985-05-10",
                     "contract": {"nature": "CDI", "start": "2020-01-01", "end": null, "status": "EMPLOYEE", "category": null},
                     "timeUnit": "HOURS", "paidTime": 151.67, "referenceTime": 151.67, "partTimeRate": 100, "grossPay": null,
                     "absences": [{"kind": "MATERNITY", "hours": 35}], "exposures": []}""".formatted(TestData.nir(BIRTH)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Read(Optional<DeclaredEmployee> employee, List<FieldError> errors) {
        List<String> fields() {
            return errors.stream().map(FieldError::field).toList();
        }
    }

    static Read read(YearMonth period, JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        Optional<DeclaredEmployee> employee = new EmployeeReader(period).read(7, node, errors);
        return new Read(employee, errors);
    }

    @Test
    void theIssuesExampleIs9100MinutesWithAMaternityOf2100() {
        Read read = read(MARCH, employee());
        assertEquals(List.of(), read.errors());
        DeclaredEmployee e = read.employee().orElseThrow();
        assertEquals(9100L, e.paidTime(), "151.67 h = 9 100.2 min, rounded to the minute");
        assertEquals(9100L, e.referenceTime());
        assertEquals(100, e.partTimeRate());
        assertEquals(List.of(new DeclaredEmployee.Absence("MATERNITY", 2100)), e.absences());
    }

    @Test
    void hoursRoundToTheNearestMinute() {
        assertEquals(9100L, EmployeeReader.minutes(new BigDecimal("151.67")));
        assertEquals(1L, EmployeeReader.minutes(new BigDecimal("0.01")), "0.6 min rounds up");
        assertEquals(0L, EmployeeReader.minutes(new BigDecimal("0.00")));
        assertEquals(31L, EmployeeReader.minutes(new BigDecimal("0.51")), "30.6 min");
    }

    @Test
    void hoursHaveAtMostTwoDecimals() {
        ObjectNode e = employee();
        e.set("paidTime", json("151.667"));
        assertEquals(List.of("employees[7].paidTime"), read(MARCH, e).fields());
    }

    @Test
    void paidHoursCannotExceedTheHoursOfTheMonth() {
        ObjectNode e = employee();
        e.set("paidTime", json("744"));   // 31 × 24
        assertEquals(List.of(), read(MARCH, e).errors());
        e.set("paidTime", json("744.01"));
        assertEquals(List.of("employees[7].paidTime"), read(MARCH, e).fields());
        e.set("paidTime", json("672.01"));  // February 2025: 28 × 24 = 672
        assertEquals(List.of("employees[7].paidTime"), read(YearMonth.of(2025, 2), e).fields());
    }

    @Test
    void referenceTimeMustBePositiveAndPaidTimeMayBeZero() {
        ObjectNode e = employee();
        e.set("paidTime", json("0"));
        assertEquals(List.of(), read(MARCH, e).errors());
        e.set("referenceTime", json("0"));
        assertEquals(List.of("employees[7].referenceTime"), read(MARCH, e).fields());
    }

    @Test
    void daysAreWholeAndAtMostTheDaysOfTheMonth() {
        ObjectNode e = employee();
        e.put("timeUnit", "DAYS");
        e.set("paidTime", json("18"));
        e.set("referenceTime", json("31"));
        DeclaredEmployee ok = read(MARCH, e).employee().orElseThrow();
        assertEquals(18L, ok.paidTime());
        assertEquals(31L, ok.referenceTime());
        e.set("paidTime", json("18.5"));
        e.set("referenceTime", json("32"));
        assertEquals(List.of("employees[7].paidTime", "employees[7].referenceTime"), read(MARCH, e).fields());
    }

    @Test
    void staffPaidWithoutAnHoursBasisDeclareGrossPayAndNoTime() {
        ObjectNode e = employee();
        e.put("timeUnit", "NONE");
        e.remove("partTimeRate");
        assertEquals(List.of("employees[7].paidTime", "employees[7].referenceTime", "employees[7].grossPay"),
                read(MARCH, e).fields());
        e.putNull("paidTime");
        e.putNull("referenceTime");
        e.set("grossPay", json("{\"amount\": 250000, \"currency\": \"EUR\"}"));
        DeclaredEmployee ok = read(MARCH, e).employee().orElseThrow();
        assertEquals(250000L, ok.grossPayCents());
        assertEquals(null, ok.paidTime());
    }

    @Test
    void grossPayIsWholeCentsInEuros() {
        ObjectNode e = employee();
        e.set("grossPay", json("{\"amount\": 2500.5}"));
        assertEquals(List.of("employees[7].grossPay.amount"), read(MARCH, e).fields());
        e.set("grossPay", json("{\"amount\": 100, \"currency\": \"USD\"}"));
        assertEquals(List.of("employees[7].grossPay.currency"), read(MARCH, e).fields());
    }

    @Test
    void partTimeRateIsFrom1To100() {
        ObjectNode e = employee();
        e.set("partTimeRate", json("1"));
        assertEquals(List.of(), read(MARCH, e).errors());
        e.set("partTimeRate", json("0"));
        assertEquals(List.of("employees[7].partTimeRate"), read(MARCH, e).fields());
        e.set("partTimeRate", json("101"));
        assertEquals(List.of("employees[7].partTimeRate"), read(MARCH, e).fields());
    }

    @Test
    void aCivilServantHasACategoryAndAnEmployeeHasNone() {
        ObjectNode e = employee();
        ((ObjectNode) e.get("contract")).put("status", "CIVIL_SERVANT");
        assertEquals(List.of("employees[7].contract.category"), read(MARCH, e).fields());
        ((ObjectNode) e.get("contract")).put("category", "C");
        assertEquals("C", read(MARCH, e).employee().orElseThrow().contract().category());
        ((ObjectNode) e.get("contract")).put("status", "EMPLOYEE");
        assertEquals(List.of("employees[7].contract.category"), read(MARCH, e).fields());
    }

    @Test
    void theContractMustRunDuringThePeriod() {
        ObjectNode e = employee();
        ObjectNode contract = (ObjectNode) e.get("contract");
        contract.put("start", "2025-03-31");
        assertEquals(List.of(), read(MARCH, e).errors());
        contract.put("start", "2025-04-01");
        assertEquals(List.of("employees[7].contract.start"), read(MARCH, e).fields());
        contract.put("start", "2020-01-01");
        contract.put("end", "2025-03-01");
        assertEquals(List.of(), read(MARCH, e).errors());
        contract.put("end", "2025-02-28");
        assertEquals(List.of("employees[7].contract.end"), read(MARCH, e).fields());
    }

    @Test
    void theNirMustBeValidAndMatchTheBirthDate() {
        ObjectNode e = employee();
        String nir = e.get("nir").asText();
        e.put("nir", nir.substring(0, 13) + String.format("%02d", (Integer.parseInt(nir.substring(13)) % 97) + 1));
        assertEquals(List.of("employees[7].nir"), read(MARCH, e).fields());
        e = employee();
        e.put("birthDate", "1986-05-10");
        assertEquals(List.of("employees[7].nir"), read(MARCH, e).fields());
    }

    @Test
    void onlyAbsencesCountedForTheCpfAreDeclared() {
        ObjectNode e = employee();
        e.set("absences", json("[{\"kind\": \"SICK_LEAVE\", \"hours\": 7}, {\"kind\": \"WORK_ACCIDENT\", \"hours\": 0}]"));
        assertEquals(List.of("employees[7].absences[0].kind", "employees[7].absences[1].hours"), read(MARCH, e).fields());
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        Read read = read(MARCH, json("{\"contract\": {}}"));
        assertEquals(List.of("employees[7].nir", "employees[7].lastName", "employees[7].firstName",
                "employees[7].birthDate", "employees[7].contract.nature", "employees[7].contract.start",
                "employees[7].contract.status", "employees[7].timeUnit"), read.fields());
    }

    @Test
    void wrongTypesAreNamed() {
        ObjectNode e = employee();
        e.put("paidTime", "151.67");
        e.put("birthDate", "10/05/1985");
        e.put("lastName", 12);
        assertEquals(List.of("employees[7].lastName", "employees[7].birthDate", "employees[7].paidTime"),
                read(MARCH, e).fields());
    }

    @Test
    void exposuresAreDeclaredInDecemberWithTheirUnitAndMonths() {
        ObjectNode e = employee();
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"nights\": 110}, {\"factor\": \"NOISE\", \"peaks\": 130}]"));
        DeclaredEmployee ok = read(DECEMBER, e).employee().orElseThrow();
        assertEquals(List.of(new DeclaredEmployee.Exposure("NIGHT_WORK", 110, "NIGHTS", 12),
                new DeclaredEmployee.Exposure("NOISE", 130, "PEAKS", 12)), ok.exposures());
        assertEquals(List.of("employees[7].exposures"), read(YearMonth.of(2025, 11), e).fields());
    }

    @Test
    void exposuresComeWithTheContractsLastMonth() {
        ObjectNode e = employee();
        ObjectNode contract = (ObjectNode) e.get("contract");
        contract.put("start", "2025-02-15");
        contract.put("end", "2025-06-10");
        e.set("exposures", json("[{\"factor\": \"REPETITIVE_WORK\", \"hours\": 400}]"));
        DeclaredEmployee ok = read(YearMonth.of(2025, 6), e).employee().orElseThrow();
        assertEquals(List.of(new DeclaredEmployee.Exposure("REPETITIVE_WORK", 400, "HOURS", 5)), ok.exposures(),
                "February to June");
    }

    @Test
    void civilServantsHaveNoHardshipAccount() {
        // DOMAIN.md §2, scope: private-law employees, not public-law staff
        ObjectNode e = employee();
        ObjectNode contract = (ObjectNode) e.get("contract");
        contract.put("status", "CIVIL_SERVANT");
        contract.put("category", "B");
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"nights\": 110}]"));
        assertEquals(List.of("employees[7].exposures"), read(DECEMBER, e).fields());
        e.set("exposures", json("[]"));
        assertTrue(read(DECEMBER, e).errors().isEmpty(), "a civil servant without exposures is declared as usual");
    }

    @Test
    void monthsExposedCannotExceedTheMonthsTheContractRuns() {
        ObjectNode e = employee();
        ((ObjectNode) e.get("contract")).put("start", "2025-10-01");
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"nights\": 60, \"months\": 12}]"));
        assertEquals(List.of("employees[7].exposures[0].months"), read(DECEMBER, e).fields(),
                "October to December is 3 months");
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"nights\": 60, \"months\": 3}]"));
        assertEquals(List.of(new DeclaredEmployee.Exposure("NIGHT_WORK", 60, "NIGHTS", 3)),
                read(DECEMBER, e).employee().orElseThrow().exposures(), "the edge: every month the contract runs");
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"nights\": 60, \"months\": 2}]"));
        assertEquals(2, read(DECEMBER, e).employee().orElseThrow().exposures().get(0).months(),
                "fewer months than the contract ran: exposed part of it");
    }

    @Test
    void aFactorIsMeasuredInItsOwnUnit() {
        ObjectNode e = employee();
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"hours\": 110}, {\"factor\": \"HYPERBARIC\"},"
                + " {\"factor\": \"NOISE\", \"hours\": 600, \"peaks\": 120}, {\"factor\": \"STRESS\", \"hours\": 1}]"));
        assertEquals(List.of("employees[7].exposures[0].hours", "employees[7].exposures[1]",
                "employees[7].exposures[2]", "employees[7].exposures[3].factor"), read(DECEMBER, e).fields());
    }

    @Test
    void factorsRemovedInOctober2017CountFor2017ButNot2018() {
        ObjectNode e = employee();
        ((ObjectNode) e.get("contract")).put("start", "2010-01-01");
        e.set("exposures", json("[{\"factor\": \"MANUAL_HANDLING\", \"hours\": 700}]"));
        assertTrue(read(YearMonth.of(2017, 12), e).errors().isEmpty());
        assertEquals(List.of("employees[7].exposures[0].factor"), read(YearMonth.of(2018, 12), e).fields());
        e.set("exposures", json("[{\"factor\": \"NOISE\", \"hours\": 700}]"));
        assertEquals(List.of("employees[7].exposures[0].factor"), read(YearMonth.of(2015, 12), e).fields(),
                "noise counts from July 2016");
        assertTrue(read(YearMonth.of(2016, 12), e).errors().isEmpty());
    }

    @Test
    void aFactorIsDeclaredOnceAndItsQuantityIsPositiveAndPlausible() {
        ObjectNode e = employee();
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"nights\": 365}, {\"factor\": \"NIGHT_WORK\", \"nights\": 100}]"));
        assertEquals(List.of("employees[7].exposures[1].factor"), read(DECEMBER, e).fields());
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"nights\": 366}]"));
        assertEquals(List.of("employees[7].exposures[0].nights"), read(DECEMBER, e).fields(), "2025 has 365 nights");
        e.set("exposures", json("[{\"factor\": \"NIGHT_WORK\", \"nights\": 0}]"));
        assertEquals(List.of("employees[7].exposures[0].nights"), read(DECEMBER, e).fields());
    }

    @Test
    void monthsInTheYearCountEachMonthTheContractRuns() {
        assertEquals(12, EmployeeReader.monthsInYear(LocalDate.of(2020, 1, 1), null, 2025));
        assertEquals(1, EmployeeReader.monthsInYear(LocalDate.of(2025, 12, 31), null, 2025));
        assertEquals(5, EmployeeReader.monthsInYear(LocalDate.of(2025, 2, 15), LocalDate.of(2025, 6, 10), 2025));
        assertEquals(0, EmployeeReader.monthsInYear(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31), 2025));
    }

    @Test
    void withoutAValidPeriodThePeriodChecksWaitButTheOthersRun() {
        ObjectNode e = employee();
        e.put("lastName", "");
        assertEquals(List.of("employees[7].lastName"), read(null, e).fields());
    }

    @Test
    void aNumberTooLargeForAnyQuantityIsNamedEvenWithoutAValidPeriod() {
        // without a period there is no month to bound the hours by: the absolute bound still answers
        ObjectNode e = employee();
        e.put("paidTime", new java.math.BigDecimal("99999999999999999999999"));
        e.put("referenceTime", new java.math.BigDecimal("1000000000001"));
        assertEquals(List.of("employees[7].paidTime", "employees[7].referenceTime"), read(null, e).fields());
    }
}
