package uk.gov.em.streams.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteBufferInputStream;
import org.apache.kafka.common.utils.ByteBufferOutputStream;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.Map;

/**
 * A compact binary Kafka serde for one record type, for the state and internal topics read and written on
 * every notification, where JSON costs too much CPU. The bytes are a format-version byte, then the fields as
 * the subclass writes them with {@link BinaryFields}. A null value is null bytes both ways (a tombstone).
 *
 * <p>Bytes of a version the subclass does not read (including JSON written before this serde, which starts with
 * {@code '{'}, version 123), bytes that end early or run on, and fields no record accepts raise
 * {@link SerializationException} naming the type; never a silent null. A subclass that still reads an earlier
 * version of its layout (so that a deployment can be upgraded in place) overrides {@link #reads} and
 * {@link #read(DataInput, int)}.
 */
public abstract class BinarySerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /**
     * One growing buffer per thread, reused: a person's state is written for every notification, and growing a
     * fresh buffer to its size each time showed in the profile. Kafka calls a serde on one thread at a time. The
     * streams are Kafka's unsynchronised byte-buffer streams: the JDK's byte-array streams lock on every call,
     * which showed in the profile too (docs/benchmarks.md).
     */
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    private static final class Buffer {
        private final ByteBufferOutputStream bytes = new ByteBufferOutputStream(4096);
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

    /** Whether bytes of format {@code found} can be read: by default only the version this serde writes. */
    protected boolean reads(int found) {
        return found == version;
    }

    /** Reads the fields of a record written in format {@code found}, one {@link #reads} accepts. */
    protected T read(DataInput in, int found) throws IOException {
        return read(in);
    }

    @Override
    public final byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Buffer buffer = BUFFER.get();
        ByteBufferOutputStream bytes = buffer.bytes;
        DataOutputStream out = buffer.out;
        bytes.position(0);
        try {
            out.writeByte(version);
            write(out, data);
        } catch (IOException e) {
            // writing to memory fails only for a string over writeUTF's 64 KiB
            throw new SerializationException("cannot write " + typeName + " for " + topic + ": " + e.getMessage(), e);
        }
        // buffer() is the current backing buffer: writing past its end replaces it with a larger one
        return Arrays.copyOf(bytes.buffer().array(), bytes.position());
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
        if (!reads(found)) {
            throw new SerializationException("unreadable " + typeName + " on " + topic + ": format version "
                    + found + ", this reader knows version " + version);
        }
        DataInputStream in = new DataInputStream(new ByteBufferInputStream(ByteBuffer.wrap(data, 1, data.length - 1)));
        try {
            T value = read(in, found);
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
