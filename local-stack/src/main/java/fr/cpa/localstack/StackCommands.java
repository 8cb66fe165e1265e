package fr.cpa.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code ./cpa down}, {@code status} and {@code token}: acting on a stack that runs in another shell. */
final class StackCommands {

    private static final Duration LAUNCHER_STOP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PROCESS_STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private StackCommands() {
    }

    static boolean isRunning(Path dataDir) {
        return StackFile.read(dataDir).flatMap(f -> f.process("launcher")).isPresent();
    }

    /**
     * Asks the launcher to stop, which stops everything in order; then stops whatever it left
     * behind (a launcher killed with SIGKILL runs no shutdown hook).
     */
    static int down(Path dataDir, PrintStream out) {
        Optional<StackFile> file = StackFile.read(dataDir);
        if (file.isEmpty()) {
            out.println("No local stack runs from " + dataDir + ".");
            return 0;
        }
        file.get().process("launcher").ifPresent(launcher -> {
            out.println("Stopping the local stack (pid " + launcher.pid() + ") …");
            stop(launcher, LAUNCHER_STOP_TIMEOUT);
        });
        stopLeftovers(dataDir, out);
        out.println("Stopped.");
        return 0;
    }

    /** Services first, then Kafka, then PostgreSQL, as the launcher itself would. */
    static void stopLeftovers(Path dataDir, PrintStream out) {
        StackFile.read(dataDir).ifPresent(file -> {
            List<String> names = new ArrayList<>(Service.ALL.stream().map(Service::module).toList());
            names.add("kafka");
            names.add("postgres");
            for (String name : names) {
                file.process(name).ifPresent(process -> {
                    out.println("Stopping " + name + " (pid " + process.pid() + "), left behind by an earlier run");
                    stop(process, PROCESS_STOP_TIMEOUT);
                });
            }
            StackFile.delete(dataDir);
        });
    }

    private static void stop(ProcessHandle process, Duration timeout) {
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOutOrInterrupted) {
            process.destroyForcibly();
        }
    }

    static int status(Path dataDir, PrintStream out) {
        Optional<StackFile> read = StackFile.read(dataDir);
        if (read.isEmpty()) {
            out.println("No local stack runs from " + dataDir + " ('./cpa up' starts one).");
            return 3;
        }
        StackFile file = read.get();
        out.printf("%-26s %-8s %-9s %s%n", "COMPONENT", "PID", "STATE", "WHERE");
        row(out, file, "launcher", "", "");
        row(out, file, "postgres", file.get("postgres.url").orElse("?"), "");
        row(out, file, "kafka", file.get("kafka.bootstrap").orElse("?"), "");
        boolean allReady = true;
        for (Service service : Service.ALL) {
            String url = file.get(service.module() + ".url").orElse("?");
            boolean ready = Health.ready(url);
            allReady &= ready;
            row(out, file, service.module(), url, ready ? "ready" : "NOT READY");
        }
        return allReady ? 0 : 1;
    }

    private static void row(PrintStream out, StackFile file, String name, String where, String health) {
        Optional<ProcessHandle> process = file.process(name);
        // An external PostgreSQL or Kafka has no pid here, only an address.
        String pid = process.map(p -> Long.toString(p.pid())).orElse("-");
        String state = process.isPresent() ? "running" : (file.get(name + ".pid").isPresent() ? "STOPPED" : "external");
        out.printf("%-26s %-8s %-9s %s %s%n", name, pid, state, where, health);
    }

    /** Asks the gateway for a demo token ({@code POST /auth/dev-token}) and prints it alone, for $(...). */
    static int token(Path dataDir, List<String> args, PrintStream out) {
        Map<String, String> request = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && i + 1 < args.size()) {
                request.put(arg.substring(2), args.get(++i));
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty() || positional.size() > 2 || !request.keySet().stream().allMatch(List.of("siret", "rna", "acr")::contains)) {
            System.err.println("Usage: ./cpa token ROLE [SUBJECT] [--siret S] [--rna R] [--acr low|substantial|high]");
            return 2;
        }
        request.put("role", positional.get(0));
        if (positional.size() == 2) {
            request.put("subject", positional.get(1));
        }
        String gateway = StackFile.read(dataDir).flatMap(f -> f.get(Service.GATEWAY.module() + ".url"))
                .orElse("http://localhost:" + Service.GATEWAY.defaultPort());
        String body = request.entrySet().stream()
                .map(e -> json(e.getKey()) + ":" + json(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(gateway + "/auth/dev-token"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                System.err.println("The gateway answered " + response.statusCode() + ": " + response.body());
                return 1;
            }
            out.println(token.group(1));
            return 0;
        } catch (IOException e) {
            System.err.println("No gateway at " + gateway + " (is the stack up? './cpa up'): " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String json(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
