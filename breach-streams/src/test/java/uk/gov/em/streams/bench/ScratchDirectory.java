package uk.gov.em.streams.bench;

import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory a benchmark removes when its JVM exits, after whatever runs in it has stopped: a broker's log,
 * a Streams application's state, a PostgreSQL cluster are gigabytes per run, and left behind they once filled the disk
 * in the middle of a run.
 */
final class ScratchDirectory {

    private ScratchDirectory() {
    }

    /** A new directory named {@code prefix…}, removed at exit. */
    static Path create(String prefix) throws IOException {
        return create(prefix, () -> { });
    }

    /** A new directory named {@code prefix…}; at exit {@code stop} runs first (it stops what uses it), then it is removed. */
    static Path create(String prefix, Runnable stop) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            try {
                Utils.delete(directory.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + directory, e);
            }
        }, "remove-" + directory.getFileName()));
        return directory;
    }
}
