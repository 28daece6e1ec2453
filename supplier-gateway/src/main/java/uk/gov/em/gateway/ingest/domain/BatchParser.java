package uk.gov.em.gateway.ingest.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import uk.gov.em.contracts.NotificationRules.FieldProblem;
import uk.gov.em.contracts.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a batch (docs/api/supplier-api.md, "Endpoints"): a JSON array of notifications, judged item by item with the
 * same {@link NotificationParser} as a single notification. A body that is not a JSON array at all is
 * {@link BatchOutcome.Unreadable}; a bad item only rejects that item.
 *
 * <p>The array is read in two passes: a streaming pass that checks the syntax of the whole body and finds
 * where each item starts and ends, then the strict single-notification parse of each item's own bytes. So a
 * duplicate key or a typo inside one item rejects that item with exactly the problems it would get alone.
 */
public final class BatchParser {

    /** The most notifications one batch may carry. */
    public static final int MAX_ITEMS = 1000;

    private static final JsonFactory SYNTAX = Json.factory();
    private static final ObjectMapper LENIENT = JsonMapper.builder(Json.factory()).build();

    private final NotificationParser parser;
    private final int maxItems;

    public BatchParser(NotificationParser parser, int maxItems) {
        this.parser = parser;
        this.maxItems = maxItems;
    }

    /** Reads a JSON array of notifications from raw bytes, judging times against {@code now}. */
    public BatchOutcome parseJson(byte[] body, Instant now) {
        List<BatchItem> items = new ArrayList<>();
        try (JsonParser p = SYNTAX.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return unreadable("is empty; expected a JSON array of notifications");
            }
            if (first != JsonToken.START_ARRAY) {
                return unreadable("must be a JSON array of notifications, not " + describe(first));
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    return unreadable("is not valid JSON: the array is not closed");
                }
                int index = items.size();
                if (index == maxItems) {
                    return new BatchOutcome.TooManyItems(index + countRest(p), maxItems);
                }
                if (t == JsonToken.START_OBJECT) {
                    int start = Math.toIntExact(p.currentTokenLocation().getByteOffset());
                    p.skipChildren();
                    int end = Math.toIntExact(p.currentLocation().getByteOffset());
                    items.add(item(index, Arrays.copyOfRange(body, start, end), now));
                } else {
                    p.skipChildren();
                    items.add(new BatchItem(index, null, new ParseOutcome.Invalid(List.of(FieldProblem.malformed(
                            NotificationParser.BODY, "must be a JSON object, not " + describe(t))))));
                }
            }
            if (p.nextToken() != null) {
                return unreadable("is not valid JSON: content follows the array" + where(p.currentTokenLocation()));
            }
        } catch (JsonProcessingException e) {
            return unreadable("is not valid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory array cannot fail", e);
        }
        return new BatchOutcome.Items(items);
    }

    /**
     * Counts the elements left in the array from the current one on, without reading them into anything: a
     * batch over the limit costs no memory per element, however many it has. Stops at the first syntax error.
     */
    private static int countRest(JsonParser p) throws IOException {
        int count = 0;
        try {
            for (JsonToken t = p.currentToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                p.skipChildren();
                count++;
            }
        } catch (JsonProcessingException e) {
            // counted as far as it is readable: the batch is refused for its size either way
        }
        return count;
    }

    private BatchItem item(int index, byte[] json, Instant now) {
        ParseOutcome outcome = parser.parse(json, now);
        String id = switch (outcome) {
            case ParseOutcome.Valid v -> v.notification().notificationId();
            case ParseOutcome.Invalid ignored -> claimedId(json);
        };
        return new BatchItem(index, id, outcome);
    }

    /** The id a rejected item claims, if it has a readable one, so the supplier can find it. */
    private static String claimedId(byte[] json) {
        try {
            JsonNode id = LENIENT.readTree(json).get("notificationId");
            return id != null && id.isTextual() ? NotificationParser.claimedId(id.textValue()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static BatchOutcome unreadable(String detail) {
        return new BatchOutcome.Unreadable(List.of(FieldProblem.malformed(NotificationParser.BODY, detail)));
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + token.asString() + "'";
        };
    }
}
