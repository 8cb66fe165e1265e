package fr.cpa.account.holder;

import fr.cpa.account.nir.Nir;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Valid, random NIRs matching a birth date, so that tests never collide. */
final class TestNirs {

    private TestNirs() {
    }

    static String forBirthDate(LocalDate birthDate) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "1" + String.format("%02d", birthDate.getYear() % 100)
                + String.format("%02d", birthDate.getMonthValue())
                + "75" + String.format("%03d", random.nextInt(1, 1000)) + String.format("%03d", random.nextInt(1, 1000));
        return body + String.format("%02d", Nir.key(body));
    }
}
