package uk.gov.em.hub.paging.domain;

import uk.gov.em.hub.common.domain.InvalidParameter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns the sort key of a page's last row into an opaque base64url token and back. The token carries a
 * kind (so a cursor from one listing cannot be replayed against another) and the key's fields as
 * length-prefixed UTF-8, so any character in an id survives. Clients must treat it as opaque: its
 * layout may change, and a token that does not decode is a 400, never a 500.
 */
public final class CursorCodec {

    /** The name of the query parameter that carries a cursor, used in error details. */
    public static final String PARAMETER = "cursor";

    private static final int VERSION = 1;
    private static final int MAX_TOKEN_LENGTH = 2048;

    private CursorCodec() {
    }

    /** The token for this kind of listing and these key fields. */
    public static String encode(String kind, List<String> fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(kind);
            out.writeByte(fields.size());
            for (String field : fields) {
                out.writeUTF(field);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * The key fields of a token issued by {@link #encode} for this kind with this many fields.
     *
     * @throws InvalidParameter when the token is not one this listing issued
     */
    public static List<String> decode(String token, String kind, int fieldCount) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw notOurs();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)))) {
            if (in.readUnsignedByte() != VERSION || !in.readUTF().equals(kind) || in.readUnsignedByte() != fieldCount) {
                throw notOurs();
            }
            List<String> fields = new ArrayList<>(fieldCount);
            for (int i = 0; i < fieldCount; i++) {
                fields.add(in.readUTF());
            }
            if (in.read() != -1) {
                throw notOurs();
            }
            return List.copyOf(fields);
        } catch (IOException | IllegalArgumentException e) {
            throw notOurs();
        }
    }

    /** A cursor for an append-only log read newest first: the id of the last row of the page. */
    public static String ofRowId(String kind, long id) {
        return encode(kind, List.of(Long.toString(id)));
    }

    /** The row id a cursor of {@link #ofRowId} carries; for no cursor, a bound above every id. */
    public static long rowIdBefore(String token, String kind) {
        if (token == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(decode(token, kind, 1).getFirst());
        } catch (NumberFormatException e) {
            throw notOurs();
        }
    }

    /** The rejection for a cursor whose fields decoded but do not make a key. */
    public static InvalidParameter notOurs() {
        return new InvalidParameter(PARAMETER, "is not a cursor this listing issued; start again without it");
    }
}
