package io.heatwire.enrich.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a key from its active owner, wherever it runs, and a range from every partition.
 * Whatever cannot be answered correctly is retried a few times with a growing pause (metadata
 * moves during a rebalance) and then reported as {@link UnavailableException}: a key is reported
 * absent only by an active owner that answered.
 */
public final class OwnerRouter {

    /**
     * @param attempts     how often a read is tried before it is reported unavailable
     * @param initialPause the pause after the first failed attempt; doubles after each
     */
    public record Retries(int attempts, Duration initialPause) {

        public Retries {
            if (attempts < 1) {
                throw new IllegalArgumentException("at least one attempt");
            }
        }
    }

    private final LocalViews local;
    private final Peers peers;
    private final Retries retries;
    private final Executor fanOut;

    public OwnerRouter(LocalViews local, Peers peers, Retries retries, Executor fanOut) {
        this.local = local;
        this.peers = peers;
        this.retries = retries;
        this.fanOut = fanOut;
    }

    /** The key's record from its active owner: found or absent; unavailable after the retries. */
    public Lookup get(String store, String key) {
        String reason = "no attempt";
        for (int attempt = 0; attempt < retries.attempts(); attempt++) {
            pause(attempt);
            final Lookup lookup = once(store, key);
            if (lookup instanceof Lookup.Found || lookup instanceof Lookup.Absent) {
                return lookup;
            }
            reason = lookup instanceof Lookup.Unavailable unavailable
                    ? unavailable.reason()
                    : "the owner of the key moved";
        }
        throw new UnavailableException(reason);
    }

    /**
     * The first {@code limit} entries of the range over all partitions of the store, from every
     * instance that has some of them; unavailable when a partition stays unanswered.
     */
    public Slice range(String store, String from, String to, String after, int limit) {
        String reason = "no attempt";
        for (int attempt = 0; attempt < retries.attempts(); attempt++) {
            pause(attempt);
            final List<CompletableFuture<Slice>> answers = new ArrayList<>();
            for (HostInfo host : local.hosts(store)) {
                answers.add(CompletableFuture.supplyAsync(
                                () -> host.equals(local.self())
                                        ? local.range(store, from, to, after, limit)
                                        : peers.range(host, store, from, to, after, limit),
                                fanOut)
                        .exceptionally(failure -> new Slice(Set.of(), List.of())));
            }
            final List<Slice> slices = answers.stream().map(OwnerRouter::join).toList();
            final Slice merged = Slice.merge(slices, limit);
            final Set<Integer> missing = new TreeSet<>(
                    IntStream.range(0, local.partitions(store)).boxed().toList());
            missing.removeAll(merged.partitions());
            if (missing.isEmpty()) {
                return merged;
            }
            reason = "partitions " + missing + " of " + store + " have no active owner that answered";
        }
        throw new UnavailableException(reason);
    }

    private Lookup once(String store, String key) {
        final KeyQueryMetadata owner = local.owner(store, key);
        if (owner == null) {
            throw new IllegalStateException("no store " + store + " in the topology");
        }
        final HostInfo host = owner.activeHost();
        if (owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || host == null || host.port() < 0) {
            return new Lookup.Unavailable("the owner of the key is not known yet");
        }
        return host.equals(local.self()) ? local.get(store, key, owner.partition()) : peers.get(host, store, key);
    }

    private static Slice join(CompletableFuture<Slice> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            return new Slice(Set.of(), List.of());
        }
    }

    private void pause(int attempt) {
        if (attempt == 0 || retries.initialPause().isZero()) {
            return;
        }
        try {
            Thread.sleep(retries.initialPause().toMillis() << Math.min(attempt - 1, 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted");
        }
    }
}
