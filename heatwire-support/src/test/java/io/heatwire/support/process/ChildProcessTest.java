package io.heatwire.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes of the JVM running the test: the only program this module can count on. */
class ChildProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void shouldRunACommandToItsEndAndAppendItsOutputToTheLog() throws Exception {
        final Path log = directory.resolve("logs/java.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "earlier run\n");

        final int exit = ChildProcess.run("java", javaVersion(), log, TIMEOUT);

        assertThat(exit).isZero();
        assertThat(Files.readString(log)).startsWith("earlier run\n").contains("version");
    }

    @Test
    void shouldKillAProcessThatOutlivesTheRunTimeout() throws Exception {
        final Path log = directory.resolve("sleeper.log");

        assertThatThrownBy(() -> ChildProcess.run("sleeper", sleeper(), log, Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sleeper did not finish within PT0.3S");
    }

    @Test
    void shouldStopWithSigtermAndKillWithSigkill() throws Exception {
        final ChildProcess stopped = ChildProcess.start("stopped", sleeper(), directory.resolve("stopped.log"));
        final ChildProcess killed = ChildProcess.start("killed", sleeper(), directory.resolve("killed.log"));
        assertThat(stopped.isAlive()).isTrue();
        assertThat(killed.pid()).isPositive().isNotEqualTo(stopped.pid());

        stopped.stop(TIMEOUT);
        killed.kill();

        assertThat(stopped.isAlive()).isFalse();
        assertThat(stopped.exitValue()).as("SIGTERM ends a JVM with 128 + 15").isEqualTo(143);
        assertThat(killed.isAlive()).isFalse();
        assertThat(killed.exitValue()).as("SIGKILL: 128 + 9").isEqualTo(137);
        assertThat(killed).hasToString("killed (log: " + directory.resolve("killed.log") + ")");
    }

    private static List<String> javaVersion() {
        return List.of(java(), "-version");
    }

    /** A JVM that waits until it is stopped. */
    private static List<String> sleeper() {
        return List.of(java(), "-cp", System.getProperty("java.class.path"), Sleeper.class.getName());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Blocks until the process is stopped. */
    static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            final Object lock = new Object();
            synchronized (lock) {
                lock.wait();
            }
        }
    }
}
