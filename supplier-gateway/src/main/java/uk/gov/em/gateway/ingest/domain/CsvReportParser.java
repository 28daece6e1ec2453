package uk.gov.em.gateway.ingest.domain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.gov.em.contracts.NotificationRules.FieldProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a supplier's daily report (docs/api/supplier-api.md, "Endpoints"): UTF-8 CSV (RFC 4180 quoting), a header
 * row naming notification fields in any order, one notification a row, an empty cell meaning the field is
 * absent, and no {@code details} column. Each row is judged by the same {@link NotificationParser} as a
 * JSON notification.
 *
 * <p>A body that is not UTF-8 CSV, or whose header cannot be mapped onto notification fields, is
 * {@link BatchOutcome.Unreadable}: no row of it could be trusted. A row with the wrong number of cells
 * rejects only that row.
 */
public final class CsvReportParser {

    /** The columns a report may have: every notification field but {@code details}. */
    static final List<String> COLUMNS = NotificationParser.FIELDS.stream().filter(f -> !f.equals("details")).toList();
    static final List<String> REQUIRED = List.of("notificationId", "subjectId", "type", "occurredAt");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final NotificationParser parser;
    private final int maxItems;

    public CsvReportParser(NotificationParser parser, int maxItems) {
        this.parser = parser;
        this.maxItems = maxItems;
    }

    public BatchOutcome parse(byte[] body, Instant now) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return BatchParser.unreadable("is not valid UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1); // spreadsheet programs start UTF-8 CSV with a byte order mark
        }
        List<String> header = null;
        List<CSVRecord> rows = new ArrayList<>();
        int rowCount = 0;
        try (CSVParser csv = CSVParser.parse(text, FORMAT)) {
            // record by record: past the limit rows are only counted, so an oversized report holds no memory
            for (CSVRecord record : csv) {
                if (header == null) {
                    header = record.toList().stream().map(String::strip).toList();
                } else if (++rowCount <= maxItems) {
                    rows.add(record);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return BatchParser.unreadable("is not valid CSV: " + e.getMessage());
        }
        if (header == null) {
            return BatchParser.unreadable("is empty; expected a header row naming the fields");
        }
        List<FieldProblem> headerProblems = headerProblems(header);
        if (!headerProblems.isEmpty()) {
            return new BatchOutcome.Unreadable(headerProblems);
        }
        if (rowCount > maxItems) {
            return new BatchOutcome.TooManyItems(rowCount, maxItems);
        }
        List<BatchItem> items = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            items.add(item(i, header, rows.get(i), now));
        }
        return new BatchOutcome.Items(items);
    }

    private BatchItem item(int index, List<String> header, CSVRecord row, Instant now) {
        if (row.size() != header.size()) {
            return new BatchItem(index, null, new ParseOutcome.Invalid(List.of(FieldProblem.malformed(
                    NotificationParser.BODY, "has " + row.size() + " cells but the header has "
                            + header.size()))));
        }
        ObjectNode notification = JsonNodeFactory.instance.objectNode();
        for (int c = 0; c < header.size(); c++) {
            String cell = row.get(c);
            if (!cell.isEmpty()) {
                notification.put(header.get(c), cell);
            }
        }
        ParseOutcome outcome = parser.parse(notification, now);
        String id = switch (outcome) {
            case ParseOutcome.Valid v -> v.notification().notificationId();
            case ParseOutcome.Invalid ignored -> notification.hasNonNull("notificationId")
                    ? NotificationParser.claimedId(notification.get("notificationId").textValue()) : null;
        };
        return new BatchItem(index, id, outcome);
    }

    private static List<FieldProblem> headerProblems(List<String> header) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (column.equals("details")) {
                problems.add(FieldProblem.malformed(column, "is not a column of a daily report: leave details out"));
            } else if (!COLUMNS.contains(column)) {
                problems.add(FieldProblem.malformed(column.isEmpty() ? NotificationParser.BODY : column,
                        column.isEmpty() ? "the header has an empty column name"
                                : "is not a field of a notification" + NotificationParser.suggestion(column)));
            } else if (!seen.add(column)) {
                problems.add(FieldProblem.malformed(column, "is a column of the header more than once"));
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                problems.add(FieldProblem.malformed(required, "is a required column of the header"));
            }
        }
        return problems;
    }
}
