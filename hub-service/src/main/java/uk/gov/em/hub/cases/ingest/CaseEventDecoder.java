package uk.gov.em.hub.cases.ingest;

import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.hub.common.ingest.JsonRecordDecoder;

/** Reads {@code em.breach-cases} records; an unreadable one is set aside on em.dead-letter (see the superclass). */
final class CaseEventDecoder extends JsonRecordDecoder<CaseEvent> {

    CaseEventDecoder() {
        super(CaseEvent.class);
    }
}
