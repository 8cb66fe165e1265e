package fr.cpa.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <data dir>/stack.properties}: what a running stack consists of, so that {@code ./cpa status}
 * and {@code ./cpa down} work from another shell, even after the launcher died.
 *
 * <p>Each process is recorded as {@code <name>.pid} and {@code <name>.match}, a text its command
 * line must contain: a pid alone could by now belong to an unrelated process.
 */
final class StackFile {

    static final String FILE_NAME = "stack.properties";

    private final Properties properties;

    StackFile() {
        this(new Properties());
    }

    private StackFile(Properties properties) {
        this.properties = properties;
    }

    static Optional<StackFile> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return Optional.of(new StackFile(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written aside and moved, so that a reader never sees half a file. */
    void write(Path dataDir) {
        Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "Written by local-stack; read by ./cpa status and ./cpa down");
            Files.move(temporary, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void process(String name, long pid, String match) {
        properties.setProperty(name + ".pid", Long.toString(pid));
        properties.setProperty(name + ".match", match);
    }

    void removeProcess(String name) {
        properties.remove(name + ".pid");
        properties.remove(name + ".match");
    }

    /** The live process recorded under {@code name}, if its command line still matches. */
    Optional<ProcessHandle> process(String name) {
        String pid = properties.getProperty(name + ".pid");
        String match = properties.getProperty(name + ".match");
        if (pid == null || match == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(match)).orElse(false));
    }

    void set(String key, String value) {
        properties.setProperty(key, value);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(properties.getProperty(key));
    }
}
