package uk.gov.em.streams.dedup;

import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.serde.BinarySerde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import static uk.gov.em.streams.serde.BinaryFields.readHex;
import static uk.gov.em.streams.serde.BinaryFields.readInstant;
import static uk.gov.em.streams.serde.BinaryFields.readString;
import static uk.gov.em.streams.serde.BinaryFields.writeHex;
import static uk.gov.em.streams.serde.BinaryFields.writeInstant;
import static uk.gov.em.streams.serde.BinaryFields.writeString;

/**
 * {@link SeenNotification} in binary: the value of the person's de-duplication store (one entry per
 * notification of a person, read and written for every notification) and of its changelog.
 *
 * <p>Layout, format version 1 (encodings in {@code BinaryFields}; no field is nullable):
 * <pre>
 * SeenNotification := version=1:byte identity:string fingerprint:hex firstSeenAt:instant withdrawn:boolean
 * </pre>
 * Change the layout only with a new version number.
 */
public final class SeenNotificationSerde extends BinarySerde<SeenNotification> {

    public static final int VERSION = 1;

    public SeenNotificationSerde() {
        super(SeenNotification.class, VERSION);
    }

    @Override
    protected void write(DataOutput out, SeenNotification seen) throws IOException {
        writeFields(out, seen);
    }

    @Override
    protected SeenNotification read(DataInput in) throws IOException {
        return readFields(in);
    }

    /** The entry's fields as this layout has them, also inside a person's state entry ({@code PersonStateSerde}). */
    public static void writeFields(DataOutput out, SeenNotification seen) throws IOException {
        writeString(out, seen.identity());
        writeHex(out, seen.fingerprint());
        writeInstant(out, seen.firstSeenAt());
        out.writeBoolean(seen.withdrawn());
    }

    public static SeenNotification readFields(DataInput in) throws IOException {
        return new SeenNotification(readString(in), readHex(in), readInstant(in), in.readBoolean());
    }
}
