package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    private static final String STATUS = """
            Name:	java
            Umask:	0022
            State:	S (sleeping)
            VmPeak:	 5123456 kB
            VmHWM:	  425300 kB
            VmRSS:	  401200 kB
            Threads:	50
            """;

    @Test
    void shouldReadPeakAndCurrentResidentMemoryInBytes() {
        assertThat(ProcFiles.statusBytes(STATUS, "VmHWM")).isEqualTo(425_300L * 1024);
        assertThat(ProcFiles.statusBytes(STATUS, "VmRSS")).isEqualTo(401_200L * 1024);
        assertThat(ProcFiles.statusBytes(STATUS, "VmSwap")).isEqualTo(-1);
    }

    @Test
    void shouldAddUserAndSystemTimeOfAStatLine() {
        final String stat = "24589 (java) S 1 24589 1 0 -1 4194560 70163 0 1 0 1520 364 0 0 20 0 50 0 1044 "
                + "5123456 106325 18446744073709551615 1 1 0 0 0 0 0 2 16800973 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcFiles.cpuTicks(stat)).isEqualTo(1520 + 364);
        assertThat(ProcFiles.commandName(stat)).isEqualTo("java");
    }

    @Test
    void shouldCountFieldsAfterACommandNameWithSpacesAndParentheses() {
        final String stat = "31 (GC Thread#0 (x)) R 1 24589 1 0 -1 4194560 0 0 0 0 77 5 0 0 20 0 50 0 1044 "
                + "5123456 106325 18446744073709551615";

        assertThat(ProcFiles.cpuTicks(stat)).isEqualTo(82);
        assertThat(ProcFiles.commandName(stat)).isEqualTo("GC Thread#0 (x)");
    }

    @Test
    void shouldGroupThreadsOfOnePoolByDroppingTheirNumbers() {
        assertThat(ProcFiles.threadGroup("GC Thread#1")).isEqualTo("GC Thread");
        assertThat(ProcFiles.threadGroup("G1 Conc#0")).isEqualTo("G1 Conc");
        assertThat(ProcFiles.threadGroup("http-nio-38082-")).isEqualTo("http-nio-N-");
        assertThat(ProcFiles.threadGroup("kafka-producer-")).isEqualTo("kafka-producer-");
        assertThat(ProcFiles.threadGroup("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(ProcFiles.threadGroup("rocksdb:low")).isEqualTo("rocksdb:low");
        assertThat(ProcFiles.threadGroup("42")).isEqualTo("42");
    }

    @Test
    void shouldCountEveryCpuTickButIdleAndIowaitAsBusy() {
        final String stat = "cpu  100 5 50 1000 20 3 2 1 0 0\ncpu0 50 2 25 500 10 1 1 0 0 0\nintr 12345\n";

        assertThat(ProcFiles.machineBusyTicks(stat)).isEqualTo(100 + 5 + 50 + 3 + 2 + 1);
    }
}
