package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path temp;

    @Test
    void shouldAddTheSizesOfEveryFileBelowADirectory() throws IOException {
        Files.createDirectories(temp.resolve("state/0_1/rocksdb"));
        Files.write(temp.resolve("state/0_1/rocksdb/000001.sst"), new byte[1000]);
        Files.write(temp.resolve("state/0_1/.checkpoint"), new byte[24]);

        assertThat(FileTrees.size(temp.resolve("state"))).isEqualTo(1024);
        assertThat(FileTrees.size(temp.resolve("absent"))).isZero();
    }

    @Test
    void shouldDeleteATreeAndIgnoreOneThatIsNotThere() throws IOException {
        Files.createDirectories(temp.resolve("run/full/kafka"));
        Files.write(temp.resolve("run/full/kafka/segment.log"), new byte[10]);

        FileTrees.delete(temp.resolve("run"));
        FileTrees.delete(temp.resolve("run"));

        assertThat(temp.resolve("run")).doesNotExist();
    }

    @Test
    void shouldRefuseAWorkDirectoryItDidNotMake() throws IOException {
        Files.writeString(temp.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> PipelineBenchmark.prepareWorkDir(temp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not made by the benchmark");
    }

    @Test
    void shouldTakeOverAnEmptyOrItsOwnWorkDirectory() throws IOException {
        final Path work = temp.resolve("bench");

        PipelineBenchmark.prepareWorkDir(work);
        Files.writeString(work.resolve("left-over"), "x");
        PipelineBenchmark.prepareWorkDir(work);

        assertThat(work.resolve(PipelineBenchmark.MARKER)).exists();
    }
}
