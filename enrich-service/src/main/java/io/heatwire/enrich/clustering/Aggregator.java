package io.heatwire.enrich.clustering;

/**
 * Exact, removable cluster aggregates over story contributions (SPEC 9: every figure is a sum or a
 * histogram, so it can subtract what it added). {@link #remove} must throw when asked to remove a
 * contribution that is not in the aggregate: the protocol never does, and the tests rely on it.
 *
 * @param <C> contribution of one story
 * @param <A> immutable aggregate
 */
public interface Aggregator<C, A> {

    A empty();

    A add(A aggregate, C contribution);

    A remove(A aggregate, C contribution);
}
