package io.heatwire.ingest.publish;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import me.tongfei.progressbar.ProgressBar;

/** Progress of a publish run: a bar on a terminal, an occasional plain line otherwise (logs, CI). */
interface Progress extends AutoCloseable {

    /** One file done, whatever its outcome; called from producer callback threads. */
    void step();

    @Override
    void close();

    static Progress create(boolean terminal, long total, PrintStream out) {
        return terminal ? new Bar(total) : new Lines(total, out);
    }

    /** Drawn on stderr so stdout keeps only the summary. */
    final class Bar implements Progress {

        private final ProgressBar bar;

        Bar(long total) {
            bar = ProgressBar.builder()
                    .setTaskName("publish")
                    .setInitialMax(total)
                    .setUnit(" docs", 1)
                    .showSpeed()
                    .build();
        }

        @Override
        public void step() {
            bar.step();
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** About twenty lines for a large run, none for a handful of files. */
    final class Lines implements Progress {

        private static final long MIN_EVERY = 100;

        private final long total;
        private final long every;
        private final PrintStream out;
        private final AtomicLong done = new AtomicLong();

        Lines(long total, PrintStream out) {
            this.total = total;
            this.every = Math.max(MIN_EVERY, total / 20);
            this.out = out;
        }

        @Override
        public void step() {
            final long now = done.incrementAndGet();
            if (now % every == 0 && now < total) {
                out.println(String.format(Locale.ROOT, "progress: %d of %d files", now, total));
            }
        }

        @Override
        public void close() {
            // Nothing to tear down: the summary follows.
        }
    }
}
