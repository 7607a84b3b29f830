package io.heatwire.article.parse;

import java.io.Reader;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A {@link YAMLParser} that tells which YAML event produced the current token. Jackson reports an
 * alias as a string holding the anchor's name and never expands it, so no alias bomb can blow up
 * in here; {@link DocumentReader} expands aliases itself, within limits.
 */
final class EventAwareYamlParser extends YAMLParser {

    EventAwareYamlParser(
            final ObjectReadContext readCtxt,
            final IOContext ioCtxt,
            final BufferRecycler recycler,
            final int streamReadFeatures,
            final int formatFeatures,
            final LoadSettings loadSettings,
            final Reader reader) {
        super(readCtxt, ioCtxt, recycler, streamReadFeatures, formatFeatures, loadSettings, reader);
    }

    /** The anchor ({@code &name}) on the node of the current token, or null. */
    String currentAnchor() {
        final Event event = _lastEvent;
        if (event instanceof NodeEvent node && !(event instanceof AliasEvent)) {
            return node.getAnchor().map(Anchor::getValue).orElse(null);
        }
        return null;
    }

    /** The anchor name an alias token ({@code *name}) refers to, or null when it is no alias. */
    String currentAlias() {
        return _lastEvent instanceof AliasEvent alias ? alias.getAlias().getValue() : null;
    }

    /** The explicit tag of the node of the current token, or null. */
    String currentTag() {
        final Event event = _lastEvent;
        if (event instanceof ScalarEvent scalar) {
            return scalar.getTag().orElse(null);
        }
        if (event instanceof CollectionStartEvent collection) {
            return collection.getTag().orElse(null);
        }
        return null;
    }
}
