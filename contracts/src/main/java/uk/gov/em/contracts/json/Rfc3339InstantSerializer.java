package uk.gov.em.contracts.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import uk.gov.em.contracts.Rfc3339;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes an {@link Instant} as the string {@link Instant#toString} gives (what Jackson's own time module writes
 * with timestamps disabled), through {@link Rfc3339#format} instead of a {@code DateTimeFormatter}: every
 * record the stream processor writes carries two or three times.
 */
final class Rfc3339InstantSerializer extends StdScalarSerializer<Instant> {

    Rfc3339InstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(Rfc3339.format(value));
    }
}
