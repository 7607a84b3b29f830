package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Linux' {@code /proc} says about a process: peak and current resident memory from
 * {@code /proc/PID/status}, CPU time from {@code /proc/PID/stat}, and the CPU time of its threads
 * grouped by thread name.
 */
final class ProcFiles {

    private static final Path PROC = Path.of("/proc");
    private static final long DEFAULT_TICKS = 100;

    private ProcFiles() {}

    /** A field of {@code /proc/PID/status} given in kB ({@code VmHWM}, {@code VmRSS}), in bytes; -1 if absent. */
    static long statusBytes(final String status, final String field) {
        for (final String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                final String[] parts =
                        line.substring(field.length() + 1).strip().split("\\s+");
                final long value = Long.parseLong(parts[0]);
                return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
            }
        }
        return -1;
    }

    /**
     * utime + stime of a {@code /proc/PID/stat} (or {@code task/TID/stat}) line, in clock ticks. The
     * command name in parentheses may itself hold spaces and parentheses, so fields are counted
     * from the last closing parenthesis.
     */
    static long cpuTicks(final String stat) {
        final String[] fields = statFields(stat);
        // After the name: state is field 3; utime and stime are fields 14 and 15 (1-based).
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** The command name of a stat line: what is between the first '(' and the last ')'. */
    static String commandName(final String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /**
     * A thread name as the kernel keeps it (15 characters), without the numbering that tells
     * threads of one pool apart ({@code GC Thread#1} and {@code GC Thread#0} are one group) or
     * instances apart (the HTTP port in {@code http-nio-33087-}).
     */
    static String threadGroup(final String name) {
        final String stripped =
                name.replaceAll("[#\\-_ ]*\\d+$", "").replaceAll("\\d{3,}", "N").strip();
        return stripped.isEmpty() ? name : stripped;
    }

    /**
     * Busy ticks of the whole machine from the first line of {@code /proc/stat}: everything but
     * idle and iowait, summed over all CPUs.
     */
    static long machineBusyTicks(final String procStat) {
        final String first = procStat.lines().findFirst().orElse("");
        if (!first.startsWith("cpu ")) {
            throw new IllegalArgumentException("not /proc/stat: " + first);
        }
        final String[] fields = first.substring(4).strip().split("\\s+");
        long busy = 0;
        // user nice system idle iowait irq softirq steal (guest time is already in user and nice)
        for (int i = 0; i < Math.min(fields.length, 8); i++) {
            if (i != 3 && i != 4) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy;
    }

    static long machineBusyTicks() throws IOException {
        return machineBusyTicks(Files.readString(PROC.resolve("stat"), StandardCharsets.US_ASCII));
    }

    /** Clock ticks per second of the {@code /proc} CPU times ({@code getconf CLK_TCK}); 100 when unknown. */
    static long clockTicksPerSecond() {
        try {
            final Process process = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Long.parseLong(out) : DEFAULT_TICKS;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_TICKS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_TICKS;
        }
    }

    static String status(final long pid) throws IOException {
        return Files.readString(PROC.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.UTF_8);
    }

    static long cpuTicks(final long pid) throws IOException {
        return cpuTicks(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8));
    }

    /**
     * CPU ticks per thread group of a live process; threads that ended are not counted (their time
     * is in the process' total).
     */
    static Map<String, Long> threadTicks(final long pid) throws IOException {
        final Map<String, Long> groups = new TreeMap<>();
        try (DirectoryStream<Path> tasks =
                Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("task"))) {
            for (final Path task : tasks) {
                try {
                    final String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    groups.merge(threadGroup(commandName(stat)), cpuTicks(stat), Long::sum);
                } catch (IOException e) {
                    // the thread ended while we looked
                }
            }
        }
        return groups;
    }

    private static String[] statFields(final String stat) {
        final int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        return stat.substring(close + 1).strip().split("\\s+");
    }
}
