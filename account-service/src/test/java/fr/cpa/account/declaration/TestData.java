package fr.cpa.account.declaration;

import fr.cpa.account.nir.Nir;
import fr.cpa.platform.identity.Siret;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * {@code count} distinct NIRs of people born in {@code birthDate}'s month, in Corse-du-Sud (2A), which
     * the random ones above never use: a large declaration's NIRs neither repeat nor meet another test's.
     */
    static List<String> distinctNirs(LocalDate birthDate, int count) {
        int start = ThreadLocalRandom.current().nextInt(0, 900_000 - count);
        List<String> nirs = new ArrayList<>(count);
        for (int i = start; i < start + count; i++) {
            String body = "1" + String.format("%02d", birthDate.getYear() % 100)
                    + String.format("%02d", birthDate.getMonthValue()) + "2A"
                    + String.format("%03d", 1 + i / 999) + String.format("%03d", 1 + i % 999);
            nirs.add(body + String.format("%02d", Nir.key(body)));
        }
        return nirs;
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
