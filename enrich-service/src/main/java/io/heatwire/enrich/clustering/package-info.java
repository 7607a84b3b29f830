/**
 * Clustering (SPEC 5–7) as a union-find keyed by cluster, one pure state machine per partition of the
 * clustering topic ({@link io.heatwire.enrich.clustering.ClusteringTask}); no Kafka, no clock.
 *
 * <h2>Model</h2>
 * Nodes are ids; an article adds edges to its related ids and to its alias ids, and edges only
 * accumulate. A story is an id with an ARTICLE version, or with a REFERENCE version and no
 * claimant; a claimed non-article id is a hub (routes unions, never a member). A cluster is a
 * component; its id ({@code pid}) is its earliest story by (publishedAt, unknown last; id).
 *
 * <h2>State</h2>
 * {@code nodes} (per id: facts, claims, root hint, the registration it last {@code sent}, the cluster id
 * it publishes and has {@code shown}, pending settles), {@code clusters} (per article id that created
 * one: ROOT or FORWARDED(parent), Φ, aggregate, roster inline up to a limit, pid, {@code expected},
 * {@code published}, outbox flags) and {@code members} (the roster of spilled clusters). The outbox is
 * those flags, rebuilt by one scan at start-up; {@code punctuate} flushes it, one batch per
 * destination partition. A batch that moves or settles stories flushes their nodes itself, so each
 * is written once for the step and its registration; a rename writes its story at once.
 *
 * <h2>Protocol</h2>
 * An article at a new id creates a root and counts itself in place. Edge messages carry the
 * sender's root hint; a node whose hint differs sends {@code Union} to the side with the smaller
 * carried Φ. A forwarded receiver chases its parent; a root links under the other side only if its
 * current Φ is smaller than the carried one, else sends the union back. The linking root sends
 * {@code Link} (its pid and expected pids, the ids it published) to the parent; the root that
 * finally accepts it answers {@code Linked}, and only then does the child point at that root and tell
 * its members ({@code Adopt}) and bounced newcomers ({@code Bounce}) to go there. A story alone moves
 * its registration: at a flush it sends "−what it sent" to the old cluster and "+what it wants" to
 * its root. New references register once, when their referrer settles them at the root its own
 * cluster linked under. A root's pid is the earliest of its counted members and expected pids;
 * when it changes the root renames the members whose cluster id differs and, at emission,
 * tombstones every id it published or took over that is no longer its pid.
 *
 * <h2>Invariants and why they hold</h2>
 * <ol>
 * <li><b>Acyclic.</b> Φ = (floor(log2 membersEver), older, key) only grows at a root (membersEver
 * only grows) and is frozen once linked (a forwarded cluster counts no newcomer). A hint carries a Φ
 * no larger than its cluster's Φ when it was committed, and a crash only rolls back to a committed
 * state, so a root links only under a cluster whose actual Φ exceeds its own frozen Φ; {@code Linked}
 * repoints to an ancestor, whose Φ is larger still. So Φ strictly increases along every pointer.
 * <li><b>Termination.</b> A union moves up a pointer or bounces; a bounce pair needs both sides'
 * Φ to grow, and Φ is bounded. Roots, pids (except on retirement) and registrations only move up.
 * <li><b>Connectivity.</b> Following pointers from a hint never leaves its tree, so stale hints
 * are harmless; for every edge either both ends' hints lead to one root or an edge message or union
 * is in flight (a settle moves a reference to its referrer's root, which is in the same tree).
 * <li><b>Exact, never-negative aggregates.</b> A story is the only sender of its "−/+" and sends
 * them in order to one partition, so a cluster sees them in order. A root removes only what it
 * counted (it throws otherwise); a forwarded cluster applies changes of members it counted, bounces
 * additions of others and ignores their removals (their addition was bounced). At quiescence
 * every forwarded cluster has adopted out all members and every story is counted once, at its root.
 * <li><b>Names.</b> A root's {@code pid} is the earliest over counted members and {@code expected}.
 * An expected pid is removed when its story registers or when a retirement notice arrives; the
 * notice travels behind the story's unregistration along the same clusters, each of which has
 * sent its {@code Link} before, so it never overtakes the pid it cancels. While a story is counted
 * at a root, only that root's renames change its cluster id, so the roster's record of what each
 * member publishes is exact, and renames reach exactly the members that publish another id.
 * <li><b>One tombstone per id.</b> Each live published id is in exactly one {@code published} set
 * (a link hands the child's set to the root, which answers for it); an emission tombstones each
 * id of the set that is not the pid, once, and removes it. The child wrote its record before the
 * link it caused, so the root's tombstone comes after it in the output.
 * <li><b>Exactly once.</b> Every effect of a record (state, messages, outputs, offset) commits
 * atomically; the outbox lives in the stores, so an aborted flush is redone after restore.
 * </ol>
 *
 * <h2>Costs</h2>
 * Per merge: O(1) keyed control messages (union, link, linked), batches bounded by the partitions,
 * a registration pair per story of the moved (smaller Φ) side, a story record per story whose
 * cluster id changes. Rescans of a roster happen only when the pid story retires or becomes later.
 * A republished document writes and sends nothing.
 */
package io.heatwire.enrich.clustering;
