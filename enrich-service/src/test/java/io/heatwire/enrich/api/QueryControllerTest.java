package io.heatwire.enrich.api;

import static io.heatwire.enrich.query.FakeViews.PEER;
import static io.heatwire.enrich.query.FakeViews.SELF;
import static io.heatwire.enrich.query.FakeViews.on;
import static io.heatwire.enrich.query.FakeViews.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.heatwire.article.identity.CanonicalUrl;
import io.heatwire.article.identity.StoryId;
import io.heatwire.enrich.query.FakeViews;
import io.heatwire.enrich.query.Lookup;
import io.heatwire.enrich.query.OwnerRouter;
import io.heatwire.enrich.query.Queries;
import io.heatwire.enrich.view.ViewNames;

class QueryControllerTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String SURVIVOR = "f".repeat(32);
    private static final String STORIES = ViewNames.STORIES_VIEW;

    private final FakeViews views = new FakeViews();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
                    new QueryController(new Queries(
                            new OwnerRouter(views, views, new OwnerRouter.Retries(2, Duration.ZERO), Runnable::run))),
                    new PeerController(views))
            .setControllerAdvice(new ApiErrors(new ApiSettings(Duration.ofSeconds(3)), meters))
            .addInterceptors(ApiWebConfiguration.hopGuard())
            .build();

    @Test
    void shouldAnswerAStoryWithTheBytesOfItsRecord() throws Exception {
        views.owners(ID, on(PEER, 2)).holds(PEER, STORIES, ID, "{\"id\":\"" + ID + "\",\"title\":\"T\"}");

        mvc.perform(get("/api/stories/" + ID))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().string("{\"id\":\"" + ID + "\",\"title\":\"T\"}"));
    }

    @Test
    void shouldAnswer404AsAProblemDetailWhenTheOwnerHoldsNoRecord() throws Exception {
        views.owners(ID, on(SELF, 2)).holds(SELF, STORIES, ID, new Lookup.Absent());

        mvc.perform(get("/api/stories/" + ID))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("no story " + ID));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheOwnerIsUnknown() throws Exception {
        views.owners(ID, KeyQueryMetadata.NOT_AVAILABLE);

        mvc.perform(get("/api/clusters/" + ID))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(meters.counter("heatwire.query.unavailable").count()).isEqualTo(1.0);
    }

    @Test
    void shouldRedirectAMergedAwayClusterToItsSurvivor() throws Exception {
        // No cluster record under the id; its story, the cluster's earliest, names where it went.
        views.owners(ID, on(SELF, 1))
                .holds(SELF, ViewNames.CLUSTERS_VIEW, ID, new Lookup.Absent())
                .holds(SELF, STORIES, ID, "{\"id\":\"" + ID + "\",\"clusterId\":\"" + SURVIVOR + "\"}");

        mvc.perform(get("/api/clusters/" + ID))
                .andExpect(status().isPermanentRedirect())
                .andExpect(header().string("Location", "/api/clusters/" + SURVIVOR));
    }

    @Test
    void shouldAnswer404ForAnIdThatNamesNoClusterAndNoMergedStory() throws Exception {
        views.owners(ID, on(SELF, 1))
                .holds(SELF, ViewNames.CLUSTERS_VIEW, ID, new Lookup.Absent())
                .holds(SELF, STORIES, ID, "{\"id\":\"" + ID + "\",\"clusterId\":\"" + ID + "\"}");

        mvc.perform(get("/api/clusters/" + ID)).andExpect(status().isNotFound());
    }

    @Test
    void shouldRefuseMalformedIdsAndLimits() throws Exception {
        mvc.perform(get("/api/stories/not-an-id"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/clusters/hot").param("limit", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/clusters/hot").param("limit", "lots"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/stories/by-url").param("url", "ftp://example.com/x"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldPageHotClustersWithACursor() throws Exception {
        views.slices(SELF, slice(Set.of(0), "a", "c")).slices(PEER, slice(Set.of(1), "b", "d"));

        mvc.perform(get("/api/clusters/hot").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(contains("a", "b", "c")))
                .andExpect(jsonPath("$.next").value("c"));
        mvc.perform(get("/api/clusters/hot").param("limit", "4"))
                .andExpect(jsonPath("$.next").doesNotExist());
    }

    @Test
    void shouldFindAStoryByItsUrlAndNameItsId() throws Exception {
        final String url = "https://www.example.com/news/1?utm_source=x";
        final String id = StoryId.of(CanonicalUrl.canonicalize(url).orElseThrow());
        views.owners(id, on(SELF, 0)).holds(SELF, STORIES, id, "{\"id\":\"" + id + "\"}");

        mvc.perform(get("/api/stories/by-url").param("url", url))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Location", "/api/stories/" + id));
    }

    @Test
    void shouldFindTheArticleThatListsAUrlAsItsAlias() throws Exception {
        final String url = "https://example.com/amp/news/1";
        final String alias = StoryId.of(CanonicalUrl.canonicalize(url).orElseThrow());
        views.owners(alias, on(SELF, 0))
                .holds(SELF, STORIES, alias, new Lookup.Absent())
                .slices(SELF, slice(Set.of(0, 1), ID));

        mvc.perform(get("/api/stories/by-url").param("url", url))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Location", "/api/stories/" + ID))
                .andExpect(jsonPath("$.id").value(ID));
    }

    @Test
    void shouldRefuseToForwardARequestThatWasForwardedAlready() throws Exception {
        views.owners(ID, on(PEER, 2)).holds(PEER, STORIES, ID, "{}");

        mvc.perform(get("/api/stories/" + ID).header(PeerPaths.HOP, "1")).andExpect(status().is(421));
        assertThat(views.forwarded).isEmpty();
    }

    @Test
    void shouldAnswerAPeerFromLocalViewsOnlyAnd421WhenNotTheOwner() throws Exception {
        views.owners(ID, on(SELF, 2)).holds(SELF, STORIES, ID, new Lookup.NotHere());

        mvc.perform(get("/api/internal/views/stories-view").param("key", ID).header(PeerPaths.HOP, "1"))
                .andExpect(status().is(421));
        mvc.perform(get("/api/internal/views/no-such-view").param("key", ID).header(PeerPaths.HOP, "1"))
                .andExpect(status().isNotFound());
        assertThat(views.forwarded).isEmpty();
    }
}
