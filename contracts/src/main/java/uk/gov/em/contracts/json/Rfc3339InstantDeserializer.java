package uk.gov.em.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import uk.gov.em.contracts.Rfc3339;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads an {@link Instant} written as an RFC 3339 string with {@link Rfc3339} (character by character), and
 * anything else exactly as Jackson's own {@link InstantDeserializer} does. Every record on Kafka carries two or
 * three times, and {@code DateTimeFormatter} was about half the cost of reading a notification in the stream
 * processor's profile (docs/benchmarks.md). Both agree on every text {@link Rfc3339} accepts (JsonInstantTest).
 */
final class Rfc3339InstantDeserializer extends StdScalarDeserializer<Instant> {

    Rfc3339InstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Optional<Instant> read = Rfc3339.parse(parser.getText());
            if (read.isPresent()) {
                return read.get();
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
