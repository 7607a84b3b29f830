package io.heatwire.enrich.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.heatwire.enrich.query.Queries;

/**
 * The query API (SPEC 11): what was committed to the output topics, from any instance. Single
 * records are the topics' JSON bytes, unchanged; listings are pages with a cursor.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "query", description = "Stories, clusters, providers and topics as committed to the output topics")
class QueryController {

    private static final String DEFAULT_LIMIT = "20";

    private final Queries queries;

    QueryController(Queries queries) {
        this.queries = queries;
    }

    /** A page of records and the cursor of the next page (null on the last). */
    record PageBody(List<JsonNode> items, String next) {

        static PageBody of(Queries.Page page) {
            return new PageBody(page.items(), page.next());
        }
    }

    @GetMapping("/stories/{id}")
    @Operation(summary = "A story by id")
    ResponseEntity<byte[]> story(@PathVariable String id) {
        return record(queries.story(id).orElseThrow(() -> Problems.notFound("no story " + id)));
    }

    @GetMapping("/stories/by-url")
    @Operation(
            summary = "The story of a URL: canonicalized, aliases resolved",
            description = "Content-Location names the story's id.")
    ResponseEntity<byte[]> storyByUrl(@RequestParam String url) {
        final Queries.Located located =
                queries.storyByUrl(url).orElseThrow(() -> Problems.notFound("no story for " + url));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Content-Location", "/api/stories/" + located.id())
                .body(located.record());
    }

    @GetMapping("/clusters/hot")
    @Operation(summary = "The hottest clusters by heatScore, exact over all partitions and instances")
    PageBody hot(
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Parameter(description = "1 to 500") int limit,
            @RequestParam(required = false) @Parameter(description = "the next cursor of the previous page")
                    String after) {
        return PageBody.of(queries.hot(limit, after));
    }

    @GetMapping("/clusters/{id}")
    @Operation(summary = "A cluster by id; an id merged into another cluster answers 308 with its Location")
    ResponseEntity<byte[]> cluster(@PathVariable String id) {
        return queries.cluster(id)
                .map(QueryController::record)
                .or(() -> queries.survivor(id)
                        .map(survivor -> ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                                .location(URI.create("/api/clusters/" + survivor))
                                .<byte[]>build()))
                .orElseThrow(() -> Problems.notFound("no cluster " + id));
    }

    @GetMapping("/clusters/{id}/stories")
    @Operation(summary = "A cluster's stories, newest first, paged")
    PageBody clusterStories(
            @PathVariable String id,
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Parameter(description = "1 to 500") int limit,
            @RequestParam(required = false) String after) {
        return PageBody.of(queries.clusterStories(id, limit, after));
    }

    @GetMapping("/providers")
    @Operation(summary = "Providers by key, paged")
    PageBody providers(
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Parameter(description = "1 to 500") int limit,
            @RequestParam(required = false) String after) {
        return PageBody.of(queries.providers(limit, after));
    }

    @GetMapping("/providers/{key}")
    @Operation(summary = "A provider's statistics by domain (www. and case ignored)")
    ResponseEntity<byte[]> provider(@PathVariable String key) {
        return record(queries.provider(key).orElseThrow(() -> Problems.notFound("no provider " + key)));
    }

    @GetMapping("/topics")
    @Operation(summary = "Topics by slug, paged")
    PageBody topics(
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Parameter(description = "1 to 500") int limit,
            @RequestParam(required = false) String after) {
        return PageBody.of(queries.topics(limit, after));
    }

    @GetMapping("/topics/{slug}")
    @Operation(summary = "A topic's statistics by slug or name (Computer Vision → computer-vision)")
    ResponseEntity<byte[]> topic(@PathVariable String slug) {
        return record(queries.topic(slug).orElseThrow(() -> Problems.notFound("no topic " + slug)));
    }

    private static ResponseEntity<byte[]> record(byte[] json) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
