package uk.gov.em.streams.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.Map;

/**
 * A compact binary Kafka serde for one record type, for the state and internal topics read and written on
 * every notification, where JSON costs too much CPU. The bytes are a format-version byte, then the fields as
 * the subclass writes them with {@link BinaryFields}. A null value is null bytes both ways (a tombstone).
 *
 * <p>Bytes of another version (including JSON written before this serde, which starts with {@code '{'},
 * version 123), bytes that end early or run on, and fields no record accepts raise
 * {@link SerializationException} naming the type; never a silent null.
 */
public abstract class BinarySerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /**
     * One growing buffer per thread, reused: a person's state is written for every notification, and growing a
     * fresh buffer to its size each time showed in the profile. Kafka calls a serde on one thread at a time.
     */
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    private static final class Buffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        private final DataOutputStream out = new DataOutputStream(bytes);
    }

    private final String typeName;
    private final int version;

    protected BinarySerde(Class<T> type, int version) {
        this.typeName = type.getSimpleName();
        this.version = version;
    }

    /** Writes the fields of {@code value}, never null, after the version byte. */
    protected abstract void write(DataOutput out, T value) throws IOException;

    /** Reads the fields {@link #write} wrote. */
    protected abstract T read(DataInput in) throws IOException;

    @Override
    public final byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Buffer buffer = BUFFER.get();
        ByteArrayOutputStream bytes = buffer.bytes;
        DataOutputStream out = buffer.out;
        bytes.reset();
        try {
            out.writeByte(version);
            write(out, data);
        } catch (IOException e) {
            // writing to memory fails only for a string over writeUTF's 64 KiB
            throw new SerializationException("cannot write " + typeName + " for " + topic + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0) {
            throw new SerializationException("unreadable " + typeName + " on " + topic + ": no bytes");
        }
        int found = data[0] & 0xFF;
        if (found != version) {
            throw new SerializationException("unreadable " + typeName + " on " + topic + ": format version "
                    + found + ", this reader knows version " + version);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1));
        try {
            T value = read(in);
            if (in.available() > 0) {
                throw new IOException(in.available() + " trailing byte(s) after the record");
            }
            return value;
        } catch (IOException | IllegalArgumentException | NullPointerException | DateTimeException e) {
            // the last three: the record's own checks refusing what the bytes say
            throw new SerializationException("unreadable " + typeName + " on " + topic + ": " + e, e);
        }
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the format is fixed
    }

    @Override
    public final void close() {
        // nothing to release
    }
}
