package uk.gov.em.hub.dataquality.app;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.dataquality.domain.DataQualityKind;
import uk.gov.em.hub.dataquality.persistence.DataQualityRepository;
import uk.gov.em.hub.mi.domain.MonthRange;
import uk.gov.em.hub.paging.domain.CursorCodec;
import uk.gov.em.hub.paging.domain.Page;
import uk.gov.em.hub.paging.domain.PageLimit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the hub knows of data-quality exceptions, for the page that lists them, MI and a person's timeline alike:
 * pages and the API call this, never each other.
 */
@Singleton
public class DataQualityQueries {

    private static final String CURSOR_KIND = "data-quality";

    private final DataQualityRepository exceptions;

    public DataQualityQueries(DataQualityRepository exceptions) {
        this.exceptions = exceptions;
    }

    /**
     * Which exceptions to list: a kind, a supplier ({@code ""} for those whose supplier is not known), or
     * {@code null} for any.
     */
    public record Filter(DataQualityKind kind, String supplier) {

        /** The filter named by two query words; an unknown kind is {@code 400}. */
        public static Filter parse(String kind, String supplier) {
            DataQualityKind k = null;
            if (kind != null && !kind.isBlank()) {
                k = Arrays.stream(DataQualityKind.values()).filter(v -> v.name().equals(kind)).findFirst()
                        .orElseThrow(() -> new InvalidParameter("kind", "must be one of "
                                + Arrays.toString(DataQualityKind.values()) + " (was '" + kind + "')"));
            }
            return new Filter(k, supplier == null || supplier.equals("any") ? null : supplier);
        }
    }

    /** A page of the exceptions matching the filter, newest first; {@code cursor} from the page before, or null. */
    @ReadOnly
    public Page<DataQualityRow> newestFirst(Filter filter, PageLimit limit, String cursor) {
        long before = CursorCodec.rowIdBefore(cursor, CURSOR_KIND);
        List<DataQualityRow> found = exceptions.newestFirst(filter.kind() == null ? null : filter.kind().name(),
                filter.supplier(), before, limit.value() + 1);
        return Page.fromLookahead(found, limit, r -> CursorCodec.ofRowId(CURSOR_KIND, r.id()));
    }

    /** Every supplier some exception names, for the filter. */
    @ReadOnly
    public List<String> suppliers() {
        return exceptions.suppliers();
    }

    /** Exceptions by UTC month of detection, supplier and kind. */
    @ReadOnly
    public List<DataQualityCountRow> countsByMonth(MonthRange months) {
        return exceptions.countsByMonth(months.start(), months.endExclusive());
    }

    /**
     * The exceptions naming a notification of this person's, by notification identity
     * ({@code supplier + "/" + notificationId}), oldest first.
     */
    @ReadOnly
    public Map<String, List<DataQualityRow>> byNotificationOf(String subjectId) {
        return exceptions.aboutNotificationsOf(subjectId).stream()
                .collect(Collectors.groupingBy(r -> r.supplier() + "/" + r.notificationId()));
    }
}
