package fr.cpa.account.summary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DOMAIN.md §2 "Uses": the first 20 points are reserved for training; born before 1960 none, 1960–1962 ten. */
class C2pReserveTest {

    @Test
    void twentyPointsAreReservedFromThe1963Generation() {
        assertEquals(20, C2pReserve.reservedPoints(1963));
        assertEquals(20, C2pReserve.reservedPoints(1985));
    }

    @Test
    void tenForThoseBorn1960To1962AndNoneBefore() {
        assertEquals(0, C2pReserve.reservedPoints(1959));
        assertEquals(10, C2pReserve.reservedPoints(1960));
        assertEquals(10, C2pReserve.reservedPoints(1962));
    }

    @Test
    void theReserveIsConsumedByTrainingAndCappedByTheTotal() {
        assertEquals(new C2pReserve.Split(24, 20, 4), C2pReserve.split(24, 0, 1985));
        assertEquals(new C2pReserve.Split(19, 15, 4), C2pReserve.split(19, 5, 1985), "5 points used for training");
        assertEquals(new C2pReserve.Split(12, 12, 0), C2pReserve.split(12, 0, 1985), "all of a small total is reserved");
        assertEquals(new C2pReserve.Split(30, 0, 30), C2pReserve.split(30, 25, 1985), "the reserve is used up");
        assertEquals(new C2pReserve.Split(30, 0, 30), C2pReserve.split(30, 0, 1958));
    }
}
