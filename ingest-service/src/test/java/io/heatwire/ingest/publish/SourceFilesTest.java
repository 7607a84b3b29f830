package io.heatwire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldWalkDirectoriesRecursivelyInKeyOrderWithRelativeKeys() throws IOException {
        touch("b.txt");
        touch("a/z.txt");
        touch("a/b/c.txt");

        final SourceFiles.Listing listing = SourceFiles.collect(List.of(dir), glob("*"));

        assertThat(listing.files())
                .extracting(SourceFiles.SourceFile::key)
                .containsExactly("a/b/c.txt", "a/z.txt", "b.txt");
        assertThat(listing.problems()).isEmpty();
    }

    @Test
    void shouldSkipHiddenFilesHiddenDirectoriesAndSpoolDirectories() throws IOException {
        touch("keep.txt");
        touch(".hidden.txt");
        touch(".git/config");
        touch("processed/done.txt");
        touch("error/bad.txt");
        touch("sub/error/bad.txt");

        assertThat(SourceFiles.collect(List.of(dir), glob("*")).files())
                .extracting(SourceFiles.SourceFile::key)
                .containsExactly("keep.txt");
    }

    @Test
    void shouldFilterDirectoryEntriesByTheGlobButKeepFilesNamedExplicitly() throws IOException {
        touch("a.yaml");
        touch("b.md");
        final Path named = touch("other/c.md");

        final SourceFiles.Listing listing = SourceFiles.collect(List.of(dir, named), glob("*.yaml"));

        assertThat(listing.files()).extracting(SourceFiles.SourceFile::key).containsExactly("a.yaml", "c.md");
    }

    @Test
    void shouldListAFileGivenTwiceOnce() throws IOException {
        final Path file = touch("a.txt");

        assertThat(SourceFiles.collect(List.of(file, dir), glob("*")).files()).hasSize(1);
    }

    private Path touch(String relative) throws IOException {
        final Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "title: x\n");
    }

    private static PathMatcher glob(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }
}
