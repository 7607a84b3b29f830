package io.heatwire.support.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class BuildVersionTest {

    @Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class)
    static final class Demo implements Runnable {
        @Override
        public void run() {}
    }

    @Test
    void shouldNameTheCommandWhenTheBuildLeftNoBuildInfo() {
        final StringWriter out = new StringWriter();
        final int exit =
                new CommandLine(new Demo()).setOut(new PrintWriter(out)).execute("--version");

        assertThat(exit).isZero();
        // This module's own build writes no build-info.properties, so the command's name stands in.
        assertThat(out.toString())
                .matches("demo \\(version unknown: built without Maven\\)\\R" + "Apache Kafka \\d+\\.\\d+\\.\\d+\\R");
    }
}
