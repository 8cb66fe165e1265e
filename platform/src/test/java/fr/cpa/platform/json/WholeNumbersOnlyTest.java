package fr.cpa.platform.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cpa.platform.money.Money;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Enrolment review finding: {"amount": 1500.75} became 1 500 cents instead of a 400 naming amount.amount. */
class WholeNumbersOnlyTest {

    record TopUp(Money amount, int points) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    {
        new WholeNumbersOnly().customize(mapper);
    }

    @Test
    void aFractionWhereCentsAreExpectedIsRefusedWithThePathOfTheField() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"amount\": {\"amount\": 1500.75, \"currency\": \"EUR\"}, \"points\": 1}", TopUp.class));
        assertEquals("amount", e.getPath().get(0).getFieldName());
        assertEquals("amount", e.getPath().get(1).getFieldName());
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"amount\": null, \"points\": 2.5}", TopUp.class));
    }

    @Test
    void wholeNumbersPassAsBefore() throws Exception {
        TopUp topUp = mapper.readValue("{\"amount\": {\"amount\": 150075, \"currency\": \"EUR\"}, \"points\": 10}", TopUp.class);
        assertEquals(Money.cents(150075), topUp.amount());
        assertEquals(10, topUp.points());
    }
}
