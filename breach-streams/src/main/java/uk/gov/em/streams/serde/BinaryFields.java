package uk.gov.em.streams.serde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The field encodings the binary serdes share, so every stored record spells a time or a list the same way.
 * All numbers are big-endian ({@link DataOutput}).
 * <ul>
 *   <li>{@code instant}: epoch second (long) then nano of second (int), 12 bytes. Not epoch millis: supplier
 *       times are read with up to nine fractional digits and {@code receivedAt} is the gateway's clock, finer
 *       than millis on Linux, so millis would not give back an equal record.</li>
 *   <li>{@code string}: {@link DataOutput#writeUTF} (a 2-byte length, then modified UTF-8). Every Java string
 *       comes back exactly, but its encoded form is limited to 65,535 bytes; the strings stored are
 *       identifiers (at most 128 characters by {@code NotificationRules}), case ids and SHA-256 hex.</li>
 *   <li>{@code hex}: for strings that are usually lower-case hex, like SHA-256 fingerprints: a boolean, then
 *       when true an unsigned-short byte count and the bytes the hex spells (half the size of the text), when
 *       false a {@code string}. Anything else (odd length, upper case, not hex) takes the false branch, so
 *       every string still comes back exactly.</li>
 *   <li>{@code enum}: its constant name as a string, so reordering the constants changes nothing.</li>
 *   <li>{@code T?}: a nullable field, a presence boolean and then the value when present.</li>
 *   <li>{@code list(T)}: an int count, then each element.</li>
 * </ul>
 * Content that cannot be read raises {@link IOException}; {@link BinarySerde} turns it into a
 * {@code SerializationException}.
 */
public final class BinaryFields {

    private static final int MAX_NANO = 999_999_999;
    private static final int MAX_HEX_BYTES = 0xFFFF;
    private static final HexFormat HEX = HexFormat.of();

    private BinaryFields() {
    }

    /** Writes one value of a field. */
    @FunctionalInterface
    public interface FieldWriter<T> {
        void write(DataOutput out, T value) throws IOException;
    }

    /** Reads one value of a field. */
    @FunctionalInterface
    public interface FieldReader<T> {
        T read(DataInput in) throws IOException;
    }

    public static void writeInstant(DataOutput out, Instant value) throws IOException {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    public static Instant readInstant(DataInput in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        if (nanos < 0 || nanos > MAX_NANO) {
            throw new IOException("nano of second out of range: " + nanos);
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    public static void writeString(DataOutput out, String value) throws IOException {
        out.writeUTF(value);
    }

    public static String readString(DataInput in) throws IOException {
        return in.readUTF();
    }

    public static void writeHex(DataOutput out, String value) throws IOException {
        byte[] bytes = lowerCaseHexBytes(value);
        out.writeBoolean(bytes != null);
        if (bytes != null) {
            out.writeShort(bytes.length);
            out.write(bytes);
        } else {
            out.writeUTF(value);
        }
    }

    public static String readHex(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return in.readUTF();
        }
        byte[] bytes = new byte[in.readUnsignedShort()];
        in.readFully(bytes);
        return HEX.formatHex(bytes);
    }

    /**
     * The bytes {@code value} spells in lower-case hex, or null when it is not that (an odd length, another
     * character, upper case included, which would not read back as written, or too long). Checked and parsed in one
     * pass: every fingerprint of a person's recent entries is written with their state, and checking first and
     * parsing after showed in the profile (docs/benchmarks.md).
     */
    private static byte[] lowerCaseHexBytes(String value) {
        int length = value.length();
        if (length % 2 != 0 || length > 2 * MAX_HEX_BYTES) {
            return null;
        }
        byte[] bytes = new byte[length / 2];
        for (int i = 0; i < length; i += 2) {
            int high = lowerCaseHexDigit(value.charAt(i));
            int low = lowerCaseHexDigit(value.charAt(i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i / 2] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    private static int lowerCaseHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    public static void writeEnum(DataOutput out, Enum<?> value) throws IOException {
        out.writeUTF(value.name());
    }

    public static <E extends Enum<E>> E readEnum(DataInput in, Class<E> type) throws IOException {
        String name = in.readUTF();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown " + type.getSimpleName() + " '" + name + "'", e);
        }
    }

    public static <T> void writeNullable(DataOutput out, T value, FieldWriter<T> writer) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writer.write(out, value);
        }
    }

    public static <T> T readNullable(DataInput in, FieldReader<T> reader) throws IOException {
        return in.readBoolean() ? reader.read(in) : null;
    }

    public static <T> void writeList(DataOutput out, List<T> values, FieldWriter<T> writer) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            writer.write(out, value);
        }
    }

    public static <T> List<T> readList(DataInput in, FieldReader<T> reader) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative list length: " + count);
        }
        // a corrupt count must not allocate a huge list up front: it fails at the end of the bytes instead
        List<T> values = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            values.add(reader.read(in));
        }
        return values;
    }
}
