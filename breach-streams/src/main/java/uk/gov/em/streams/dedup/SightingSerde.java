package uk.gov.em.streams.dedup;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.streams.dedup.domain.Sighting;
import uk.gov.em.streams.serde.BinarySerde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import static uk.gov.em.streams.serde.BinaryFields.readEnum;
import static uk.gov.em.streams.serde.BinaryFields.readHex;
import static uk.gov.em.streams.serde.BinaryFields.readInstant;
import static uk.gov.em.streams.serde.BinaryFields.readString;
import static uk.gov.em.streams.serde.BinaryFields.writeEnum;
import static uk.gov.em.streams.serde.BinaryFields.writeHex;
import static uk.gov.em.streams.serde.BinaryFields.writeInstant;
import static uk.gov.em.streams.serde.BinaryFields.writeString;

/**
 * {@link Sighting} in binary, for the by-identity repartition topic and the identity check's window store,
 * which every notification passes through.
 *
 * <p>Layout, format version 1 (encodings in {@code BinaryFields}; no field is nullable):
 * <pre>
 * Sighting := version=1:byte supplier:string notificationId:string subjectId:string type:enum
 *             occurredAt:instant receivedAt:instant fingerprint:hex
 * </pre>
 * Change the layout only with a new version number.
 */
public final class SightingSerde extends BinarySerde<Sighting> {

    public static final int VERSION = 1;

    public SightingSerde() {
        super(Sighting.class, VERSION);
    }

    @Override
    protected void write(DataOutput out, Sighting sighting) throws IOException {
        writeString(out, sighting.supplier());
        writeString(out, sighting.notificationId());
        writeString(out, sighting.subjectId());
        writeEnum(out, sighting.type());
        writeInstant(out, sighting.occurredAt());
        writeInstant(out, sighting.receivedAt());
        writeHex(out, sighting.fingerprint());
    }

    @Override
    protected Sighting read(DataInput in) throws IOException {
        return new Sighting(
                readString(in),
                readString(in),
                readString(in),
                readEnum(in, BreachType.class),
                readInstant(in),
                readInstant(in),
                readHex(in));
    }
}
