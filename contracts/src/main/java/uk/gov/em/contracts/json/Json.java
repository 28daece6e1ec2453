package uk.gov.em.contracts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The one JSON mapping every service uses for records on Kafka: RFC 3339 times in UTC, absent values
 * left out, unknown properties ignored (topics change only by adding, so an older reader must cope).
 */
public final class Json {

    /**
     * Where our mappers borrow their read and write buffers. Jackson's default keeps them per thread, which only
     * pays on long-lived threads: the gateway answers each request on a new virtual thread, so every JSON read or
     * write there allocated fresh buffers (13 % of all the gateway's allocation in its benchmark,
     * docs/benchmarks.md). One pool shared by all threads reuses them whatever thread asks. (Micronaut's own mapper
     * of HTTP bodies keeps its default.)
     */
    private static final RecyclerPool<BufferRecycler> BUFFERS = JsonRecyclerPools.sharedConcurrentDequePool();

    /**
     * Times are read and written through {@link uk.gov.em.contracts.Rfc3339} (same text, same instants as the time
     * module's): records on Kafka are read and written at the stream processor's rate.
     */
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder(factory()))
            .addModule(new SimpleModule("rfc3339-instants")
                    .addDeserializer(Instant.class, new Rfc3339InstantDeserializer())
                    .addSerializer(Instant.class, new Rfc3339InstantSerializer()))
            .build();

    private Json() {
    }

    /**
     * A new JSON factory that borrows its buffers from the one shared pool: build every mapper of our own on one.
     * Each mapper needs its own factory, as a mapper's read and write features are set on its factory.
     */
    public static JsonFactory factory() {
        return JsonFactory.builder().recyclerPool(BUFFERS).build();
    }

    /** The shared mapper. It is immutable in use: configure a copy, never this one. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the house settings to a mapper builder (also used by services for their HTTP mapping). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T fromBytes(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + " from JSON", e);
        }
    }
}
