package fr.cpa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM, its console output appended to its log file. */
final class ServiceProcess {

    private static final long STOP_TIMEOUT_SECONDS = 20;

    private final Service service;
    private final int port;
    private final List<String> command;
    private final Path logFile;
    private Process process;

    ServiceProcess(Service service, int port, List<String> command, Path logFile) {
        this.service = service;
        this.port = port;
        this.command = command;
        this.logFile = logFile;
    }

    /** Starts the JVM; it is ready later, when {@link Health#ready} says so. */
    synchronized void start() {
        if (isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.module(), e);
        }
    }

    /** SIGTERM lets Quarkus finish its requests and close its pools; a kill if it hangs. */
    synchronized void stop() {
        requestStop();
        awaitStopped();
    }

    /** SIGKILL: the process gets no chance to finish anything, as in a crash or an OOM kill. */
    synchronized void kill() {
        if (process != null) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Split from {@link #awaitStopped()} so that all services can be asked to stop at once. */
    synchronized void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    synchronized void awaitStopped() {
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized Optional<Long> pid() {
        return isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    synchronized int exitValue() {
        return process.exitValue();
    }

    Service service() {
        return service;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path logFile() {
        return logFile;
    }
}
