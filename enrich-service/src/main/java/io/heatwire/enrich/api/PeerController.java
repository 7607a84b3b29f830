package io.heatwire.enrich.api;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.heatwire.enrich.query.LocalViews;
import io.heatwire.enrich.query.Lookup;
import io.heatwire.enrich.query.UnavailableException;
import io.heatwire.enrich.view.ViewNames;

/**
 * What another instance asks this one (a forwarded request, {@link PeerPaths#HOP}): answered from
 * this instance's views only, never forwarded again. 421 says "not the owner here".
 */
@RestController
@Tag(name = "between instances", description = "Reads of one instance's own views; the query API calls them")
class PeerController {

    private static final Set<String> STORES = Set.of(
            ViewNames.STORIES_VIEW,
            ViewNames.CLUSTERS_VIEW,
            ViewNames.PROVIDERS_VIEW,
            ViewNames.TOPICS_VIEW,
            ViewNames.CLUSTERS_BY_HEAT,
            ViewNames.STORY_INDEX);

    private final LocalViews views;

    PeerController(LocalViews views) {
        this.views = views;
    }

    @GetMapping(path = PeerPaths.KEY, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A key of a view, if this instance is its active owner")
    ResponseEntity<byte[]> key(@PathVariable String store, @RequestParam String key) {
        final KeyQueryMetadata owner = views.owner(known(store), key);
        if (owner == null
                || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)
                || owner.activeHost().port() < 0) {
            throw new UnavailableException("the owner of the key is not known yet");
        }
        final Lookup lookup = views.get(store, key, owner.partition());
        if (lookup instanceof Lookup.Found found) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(found.value());
        }
        if (lookup instanceof Lookup.Absent) {
            throw Problems.of(HttpStatus.NOT_FOUND, "no " + key + " in " + store);
        }
        if (lookup instanceof Lookup.Unavailable unavailable) {
            throw new UnavailableException(unavailable.reason());
        }
        throw Problems.of(
                HttpStatus.MISDIRECTED_REQUEST, "this instance is not the active owner of " + key + " in " + store);
    }

    @GetMapping(path = PeerPaths.RANGE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The first entries of a key range in each of this instance's active partitions of a store")
    SliceBody range(
            @PathVariable String store,
            @RequestParam int limit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String after) {
        return SliceBody.of(views.range(known(store), from, to, after, limit));
    }

    private static String known(String store) {
        if (!STORES.contains(store)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "no view " + store);
        }
        return store;
    }
}
