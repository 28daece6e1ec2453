package uk.gov.em.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of this repository, for tests that keep documents and code in step (a contract page and the
 * routes a service serves, the policy page and the policy file). Tests run with a module as their working
 * directory; the repository's root is the nearest folder above it that holds the Maven wrapper.
 */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository's root folder. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with mvnw and docs/) above "
                + Path.of("").toAbsolutePath());
    }

    /** A file of the repository, by its path from the root, e.g. {@code docs/policy.md}. */
    public static Path file(String pathFromRoot) {
        Path file = root().resolve(pathFromRoot).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(pathFromRoot + " is not a file of the repository (" + file + ")");
        }
        return file;
    }

    /** The text of a file of the repository. */
    public static String read(String pathFromRoot) {
        try {
            return Files.readString(file(pathFromRoot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
