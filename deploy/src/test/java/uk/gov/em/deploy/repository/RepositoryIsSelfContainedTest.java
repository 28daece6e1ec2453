package uk.gov.em.deploy.repository;

import org.junit.jupiter.api.Test;
import uk.gov.em.testing.RepositoryFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone of this repository is all a user has: no file of it may read or link a path outside it. Every
 * text file is searched for references to a folder beside the repository, and every relative link of every
 * Markdown page must name a file or folder inside the repository that exists.
 */
class RepositoryIsSelfContainedTest {

    private static final Path ROOT = RepositoryFiles.root();
    /** Folders that are built, fetched or kept by a run, never part of the repository's content. */
    private static final Set<String> NOT_CONTENT = Set.of(".git", "target", ".em-local", "node_modules", ".idea");
    /**
     * A path that climbs out of the repository to a folder beside it ("../" then a folder name), or the
     * absolute path of one machine's workspace. Written with a character class so that this file does not
     * match itself.
     */
    private static final Pattern OUTSIDE_REFERENCE = Pattern.compile("[.][.]/+shared\\b|(?<![\\w.])/work/\\w");
    /** A Markdown link or image: [text](target) or ![alt](target). */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void noFileOfTheRepositoryReferencesAFolderOutsideIt() {
        List<String> references = new ArrayList<>();
        for (Path file : contentFiles()) {
            String text = textOf(file);
            if (text == null) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (OUTSIDE_REFERENCE.matcher(lines[i]).find()) {
                    references.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }

        assertThat(references).as("references to paths outside the repository").isEmpty();
    }

    @Test
    void everyRelativeLinkOfEveryMarkdownPageResolvesInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        List<Path> pages = contentFiles().stream().filter(f -> f.getFileName().toString().endsWith(".md")).toList();
        for (Path page : pages) {
            Matcher link = MARKDOWN_LINK.matcher(textOf(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // an address on the web, a mail address, or a heading of the same page
                }
                Path resolved = page.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + " → " + target);
                }
            }
        }

        assertThat(pages).as("Markdown pages found").isNotEmpty();
        assertThat(broken).as("links that leave the repository or name nothing").isEmpty();
    }

    @Test
    void theSearchFindsAReferenceToAFolderBesideTheRepository() {
        assertThat(OUTSIDE_REFERENCE.matcher("see `" + ".." + "/shared/spec/supplier-api.md`").find()).isTrue();
        assertThat(OUTSIDE_REFERENCE.matcher("cd /work" + "/main && ./test").find()).isTrue();
        assertThat(OUTSIDE_REFERENCE.matcher("see docs/api/supplier-api.md and ../docs/policy.md").find()).isFalse();
    }

    /** The files of the repository's content: every file below the root but those of built or run folders. */
    private static List<Path> contentFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return NOT_CONTENT.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // In a git worktree .git is a file naming the main checkout: git's, not the repository's content.
                    if (attributes.isRegularFile() && !NOT_CONTENT.contains(file.getFileName().toString())) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The file's text, or {@code null} for a binary file (a NUL byte in it). */
    private static String textOf(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
