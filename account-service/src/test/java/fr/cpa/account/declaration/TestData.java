package fr.cpa.account.declaration;

import fr.cpa.account.nir.Nir;
import fr.cpa.platform.identity.Siret;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Valid random NIRs and SIRETs, so that tests never collide. */
final class TestData {

    private TestData() {
    }

    static String nir(LocalDate birthDate) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = (random.nextBoolean() ? "1" : "2") + String.format("%02d", birthDate.getYear() % 100)
                + String.format("%02d", birthDate.getMonthValue())
                + "75" + String.format("%03d", random.nextInt(1, 1000)) + String.format("%03d", random.nextInt(1, 1000));
        return body + String.format("%02d", Nir.key(body));
    }

    /** 13 random digits and the Luhn check digit. */
    static String siret() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("9");
        for (int i = 0; i < 12; i++) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (Siret.luhn(digits.toString() + check)) {
                return digits.toString() + check;
            }
        }
        throw new IllegalStateException("a Luhn digit always exists");
    }
}
