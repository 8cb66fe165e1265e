package fr.cpa.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: no NIR appears in any log line of the whole e2e run. Runs last, over the logs of every
 * process of the suite (services, gateway, PostgreSQL, Kafka): each NIR the tests sent is looked for,
 * and so is anything shaped like a NIR whose key is right (13 digits, or 2A/2B, and a valid key).
 */
@ExtendWith(SuiteExtension.class)
@Order(Integer.MAX_VALUE)
class NoNirInLogsE2ETest {

    /** Any 15 characters shaped like a NIR, even inside a longer run of digits. */
    private static final Pattern ANY_NIR = Pattern.compile("[12][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{8}");
    private static final Pattern NIR_SHAPE = Pattern.compile("(?<![0-9A-Za-z])([12][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{6})([0-9]{2})(?![0-9])");

    @Test
    void noLogLineOfTheRunCarriesANir() throws IOException {
        Path logs = SuiteExtension.stack().options().logDir();
        List<Path> files;
        try (Stream<Path> list = Files.walk(logs)) {
            files = list.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 6, "expected the logs of the six services in " + logs + ", found " + files);
        List<String> found = new ArrayList<>();
        long lines = 0;
        for (Path file : files) {
            List<String> content = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            lines += content.size();
            for (int i = 0; i < content.size(); i++) {
                String line = content.get(i);
                Matcher sent = ANY_NIR.matcher(line);
                for (int from = 0; sent.find(from); from = sent.start() + 1) {
                    if (HolderRegistrationE2ETest.NIRS_USED.contains(sent.group())) {
                        found.add(file.getFileName() + ":" + (i + 1) + " carries a NIR the tests sent");
                    }
                }
                Matcher m = NIR_SHAPE.matcher(line);
                while (m.find()) {
                    if (validKey(m.group(1), m.group(2))) {
                        found.add(file.getFileName() + ":" + (i + 1) + " carries a NIR-shaped number with a valid key");
                    }
                }
            }
        }
        System.out.printf("NIR check: %d log files, %d lines, %d NIRs sent by the tests%n",
                files.size(), lines, HolderRegistrationE2ETest.NIRS_USED.size());
        assertTrue(!HolderRegistrationE2ETest.NIRS_USED.isEmpty(), "the run sent no NIR: nothing was checked");
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /** The NIR key: 97 − (the 13 digits mod 97), Corsica's 2A/2B read as 19/18 (DOMAIN.md). */
    static boolean validKey(String thirteen, String key) {
        String digits = thirteen.replace("2A", "19").replace("2B", "18");
        return 97 - Long.parseLong(digits) % 97 == Long.parseLong(key);
    }
}
