package io.heatwire.enrich.query;

import static io.heatwire.enrich.query.FakeViews.PEER;
import static io.heatwire.enrich.query.FakeViews.SELF;
import static io.heatwire.enrich.query.FakeViews.on;
import static io.heatwire.enrich.query.FakeViews.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class OwnerRouterTest {

    private static final String STORE = "stories-view";

    private final FakeViews views = new FakeViews();
    private final OwnerRouter router =
            new OwnerRouter(views, views, new OwnerRouter.Retries(3, Duration.ZERO), Runnable::run);

    @Test
    void shouldReadAKeyFromItsOwnViewsWhenItOwnsTheKey() {
        views.owners("k", on(SELF, 1)).holds(SELF, STORE, "k", "{\"id\":\"k\"}");

        assertThat(text(router.get(STORE, "k"))).isEqualTo("{\"id\":\"k\"}");
        assertThat(views.forwarded).isEmpty();
    }

    @Test
    void shouldForwardToTheOwnerOnce() {
        views.owners("k", on(PEER, 4)).holds(PEER, STORE, "k", "{\"id\":\"k\",\"from\":\"peer\"}");

        assertThat(text(router.get(STORE, "k"))).isEqualTo("{\"id\":\"k\",\"from\":\"peer\"}");
        assertThat(views.forwarded).containsExactly(PEER + " " + STORE + " k");
    }

    @Test
    void shouldReportAbsentOnlyWhatTheActiveOwnerDoesNotHold() {
        views.owners("k", on(PEER, 4)).holds(PEER, STORE, "k", new Lookup.Absent());

        assertThat(router.get(STORE, "k")).isInstanceOf(Lookup.Absent.class);
    }

    @Test
    void shouldBeUnavailableRatherThanAbsentWhileTheOwnerIsUnknown() {
        views.owners("k", KeyQueryMetadata.NOT_AVAILABLE).holds(SELF, STORE, "k", new Lookup.Absent());

        assertThatThrownBy(() -> router.get(STORE, "k"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("not known");
        assertThat(views.forwarded).isEmpty();
    }

    @Test
    void shouldBeUnavailableWhileTheOwnersTaskRestoresAndNotAskAgainAfterTheRetries() {
        views.owners("k", on(PEER, 4)).holds(PEER, STORE, "k", new Lookup.Unavailable("restoring"));

        assertThatThrownBy(() -> router.get(STORE, "k"))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("restoring");
        assertThat(views.forwarded).hasSize(3);
    }

    @Test
    void shouldAskTheNewOwnerWhenTheKeyMovedDuringARebalance() {
        views.owners("k", on(PEER, 4), on(SELF, 4))
                .holds(PEER, STORE, "k", new Lookup.NotHere())
                .holds(SELF, STORE, "k", "{\"id\":\"k\"}");

        assertThat(text(router.get(STORE, "k"))).isEqualTo("{\"id\":\"k\"}");
        assertThat(views.forwarded).containsExactly(PEER + " " + STORE + " k");
    }

    @Test
    void shouldTreatAnOwnerWithoutAPortAsUnknown() {
        views.owners("k", on(new HostInfo("unavailable", -1), 0)).holds(SELF, STORE, "k", "{}");

        assertThatThrownBy(() -> router.get(STORE, "k")).isInstanceOf(UnavailableException.class);
    }

    @Test
    void shouldMergeTheRangesOfEveryInstanceIntoTheExactFirstEntries() {
        views.slices(SELF, slice(Set.of(0), "a", "d", "e")).slices(PEER, slice(Set.of(1), "b", "c", "f"));

        final Slice merged = router.range(STORE, null, null, null, 3);

        assertThat(merged.entries()).extracting(Slice.Entry::key).containsExactly("a", "b", "c");
        assertThat(merged.partitions()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void shouldBeUnavailableWhenAPartitionStaysUnanswered() {
        views.slices(SELF, slice(Set.of(0), "a")).slices(PEER, slice(Set.of(), "b"));

        assertThatThrownBy(() -> router.range(STORE, null, null, null, 3))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("[1]");
    }

    @Test
    void shouldRetryARangeWhenAPeerFailedOnce() {
        views.slices(SELF, slice(Set.of(0), "a")).slices(PEER, slice(Set.of()), slice(Set.of(1), "b"));

        assertThat(router.range(STORE, null, null, null, 5).entries())
                .extracting(Slice.Entry::key)
                .containsExactly("a", "b");
    }

    @Test
    void shouldOrderKeysByTheirBytesAsTheStoresDo() {
        views.slices(SELF, slice(Set.of(0), "z", "\u00e9")).slices(PEER, slice(Set.of(1), "a", "\uffe0"));

        assertThat(router.range(STORE, null, null, null, 4).entries())
                .extracting(Slice.Entry::key)
                .containsExactly("a", "z", "\u00e9", "\uffe0");
    }

    private static String text(Lookup lookup) {
        assertThat(lookup).isInstanceOf(Lookup.Found.class);
        return new String(((Lookup.Found) lookup).value(), StandardCharsets.UTF_8);
    }
}
