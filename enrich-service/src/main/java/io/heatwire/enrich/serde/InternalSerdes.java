package io.heatwire.enrich.serde;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.dataformat.cbor.CBORMapper;

import io.heatwire.enrich.clustering.Cluster;
import io.heatwire.enrich.clustering.Message;
import io.heatwire.enrich.clustering.Node;

/**
 * Binary serdes for what only enrich-service reads: state stores, their changelogs and the
 * internal topics. CBOR (RFC 8949) with the same Jackson annotations as the JSON of the output
 * topics, which stay JSON for their users. docs/performance.md has the measurement behind the
 * choice ({@code EncodingBenchmark}).
 */
public final class InternalSerdes {

    // The clustering protocol's types know no Jackson: their polymorphism is declared here. Only
    // record components are state; an is-method (Node.isStory) is derived, never stored.
    private static final CBORMapper MAPPER = CBORMapper.builder()
            .addMixIn(Message.class, MessageTypes.class)
            .addMixIn(Message.Item.class, ItemTypes.class)
            .addMixIn(Node.class, NodeState.class)
            .addMixIn(Cluster.class, ClusterState.class)
            .build();
    /** A JSON object starts with '{'; a CBOR object never does (0x7B would be a long text string). */
    private static final byte JSON_OBJECT = '{';

    private InternalSerdes() {}

    public static CBORMapper mapper() {
        return MAPPER;
    }

    public static <T> Serde<T> of(Class<T> type) {
        return of(MAPPER.constructType(type));
    }

    /** For generic state types such as {@code Node<ClusterMember>}. */
    public static <T> Serde<T> of(TypeReference<T> type) {
        return of(MAPPER.constructType(type));
    }

    private static <T> Serde<T> of(JavaType type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value),
                (topic, bytes) -> read(type, topic, bytes));
    }

    private static <T> T read(JavaType type, String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        final String name = type.getRawClass().getSimpleName();
        if (bytes.length > 0 && bytes[0] == JSON_OBJECT) {
            throw new SerializationException("a JSON " + name + " in " + topic + ": state written by "
                    + "an older heatwire, which this version cannot read; see docs/upgrading.md (run under a new "
                    + "application id and reprocess the raw topic)");
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new SerializationException(
                    "cannot read a " + name + " from " + topic + ": " + e.getOriginalMessage(), e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Message.Ingest.class, name = "ingest"),
        @JsonSubTypes.Type(value = Message.RefVersion.class, name = "ref"),
        @JsonSubTypes.Type(value = Message.Claim.class, name = "claim"),
        @JsonSubTypes.Type(value = Message.Union.class, name = "union"),
        @JsonSubTypes.Type(value = Message.Link.class, name = "link"),
        @JsonSubTypes.Type(value = Message.Linked.class, name = "linked"),
        @JsonSubTypes.Type(value = Message.Retired.class, name = "retired"),
        @JsonSubTypes.Type(value = Message.Batch.class, name = "batch")
    })
    private interface MessageTypes {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Message.Reg.class, name = "reg"),
        @JsonSubTypes.Type(value = Message.Adopt.class, name = "adopt"),
        @JsonSubTypes.Type(value = Message.Bounce.class, name = "bounce"),
        @JsonSubTypes.Type(value = Message.Rename.class, name = "rename"),
        @JsonSubTypes.Type(value = Message.Settle.class, name = "settle")
    })
    private interface ItemTypes {}

    @JsonIgnoreProperties({"story"})
    private interface NodeState {}

    @JsonIgnoreProperties({"root"})
    private interface ClusterState {}
}
