package io.heatwire.article.parse;

import java.io.Reader;

import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A {@link YAMLFactory} whose parsers expose the current YAML event's anchor, alias and tag, which
 * {@link YAMLParser} keeps to itself for scalars. {@link DocumentReader} needs them to bound alias
 * expansion and to refuse type tags. Only the {@link Reader} entry point is used by heatwire.
 */
final class EventAwareYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    EventAwareYamlFactory(final YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(final ObjectReadContext readCtxt, final IOContext ioCtxt, final Reader reader) {
        return new EventAwareYamlParser(
                readCtxt,
                ioCtxt,
                _getBufferRecycler(),
                readCtxt.getStreamReadFeatures(_streamReadFeatures),
                readCtxt.getFormatReadFeatures(_formatReadFeatures),
                _loadSettings,
                reader);
    }
}
