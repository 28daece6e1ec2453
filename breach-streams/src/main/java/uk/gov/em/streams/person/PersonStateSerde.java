package uk.gov.em.streams.person;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.streams.dedup.SeenNotificationSerde;
import uk.gov.em.streams.episodes.domain.Episode;
import uk.gov.em.streams.ladder.domain.QualifyingBreach;
import uk.gov.em.streams.person.domain.PersonState;
import uk.gov.em.streams.serde.BinaryFields;
import uk.gov.em.streams.serde.BinarySerde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static uk.gov.em.streams.serde.BinaryFields.readEnum;
import static uk.gov.em.streams.serde.BinaryFields.readInstant;
import static uk.gov.em.streams.serde.BinaryFields.readList;
import static uk.gov.em.streams.serde.BinaryFields.readNullable;
import static uk.gov.em.streams.serde.BinaryFields.readString;
import static uk.gov.em.streams.serde.BinaryFields.writeEnum;
import static uk.gov.em.streams.serde.BinaryFields.writeInstant;
import static uk.gov.em.streams.serde.BinaryFields.writeList;
import static uk.gov.em.streams.serde.BinaryFields.writeNullable;
import static uk.gov.em.streams.serde.BinaryFields.writeString;

/**
 * The person store's value (and its changelog's) in binary: the state is read and written for every
 * notification and wake-up, and JSON made that the largest share of the stream thread's CPU.
 *
 * <p>Layout, format version 3 (encodings in {@code BinaryFields}; {@code ?} = nullable):
 * <pre>
 * PersonState      := version=3:byte newestEventTime:instant? decidedUntil:instant? frozenConsumedUntil:instant?
 *                     episodes:list(Episode) abvs:list(AbvInForce) ladder:list(QualifyingBreach)
 *                     newestSeenAt:instant? wakeAt:instant? recentSeen:list(SeenNotification) setAsideUntil:instant?
 * Episode          := type:enum episodeId:string start:instant end:instant? reports:list(Report)
 *                     sevenDayCaseId:string?
 * Report           := notificationId:string occurredAt:instant end:instant? receivedAt:instant
 * AbvInForce       := at:instant? caseId:string?
 * QualifyingBreach := trigger:string at:instant caseId:string
 * SeenNotification := identity:string fingerprint:hex firstSeenAt:instant withdrawn:boolean
 * </pre>
 * Change the layout only with a new version number. Version 2 (2026-11-25) is version 3 without its last two
 * fields: every de-duplication entry of such a person is in the de-duplication store, so it reads as no recent
 * entries, set aside up to the person's {@code newestSeenAt}, and a deployment is upgraded in place
 * (docs/adr/0008-one-changelog-record-per-notification.md). Version 1 (2026-11-22) held every de-duplication entry
 * in the state; its bytes are refused, and a deployment holding them starts under a new application id and
 * replays its input (docs/adr/0005-state-that-does-not-grow-with-history.md).
 */
public final class PersonStateSerde extends BinarySerde<PersonState> {

    public static final int VERSION = 3;
    /** The layout before the person's recent de-duplication entries moved back into the state (ADR 0008). */
    static final int VERSION_WITHOUT_RECENT_SEEN = 2;

    public PersonStateSerde() {
        super(PersonState.class, VERSION);
    }

    @Override
    protected void write(DataOutput out, PersonState state) throws IOException {
        writeNullable(out, state.newestEventTime(), BinaryFields::writeInstant);
        writeNullable(out, state.decidedUntil(), BinaryFields::writeInstant);
        writeNullable(out, state.frozenConsumedUntil(), BinaryFields::writeInstant);
        writeList(out, state.episodes(), PersonStateSerde::writeEpisode);
        writeList(out, state.abvs(), PersonStateSerde::writeAbv);
        writeList(out, state.ladder(), PersonStateSerde::writeQualifyingBreach);
        writeNullable(out, state.newestSeenAt(), BinaryFields::writeInstant);
        writeNullable(out, state.wakeAt(), BinaryFields::writeInstant);
        writeList(out, state.recentSeen(), SeenNotificationSerde::writeFields);
        writeNullable(out, state.setAsideUntil(), BinaryFields::writeInstant);
    }

    @Override
    protected boolean reads(int found) {
        return found == VERSION || found == VERSION_WITHOUT_RECENT_SEEN;
    }

    @Override
    protected PersonState read(DataInput in) throws IOException {
        return read(in, VERSION);
    }

    @Override
    protected PersonState read(DataInput in, int found) throws IOException {
        Instant newestEventTime = readNullable(in, BinaryFields::readInstant);
        Instant decidedUntil = readNullable(in, BinaryFields::readInstant);
        Instant frozenConsumedUntil = readNullable(in, BinaryFields::readInstant);
        List<Episode> episodes = readList(in, PersonStateSerde::readEpisode);
        List<PersonState.AbvInForce> abvs = readList(in, PersonStateSerde::readAbv);
        List<QualifyingBreach> ladder = readList(in, PersonStateSerde::readQualifyingBreach);
        Instant newestSeenAt = readNullable(in, BinaryFields::readInstant);
        Instant wakeAt = readNullable(in, BinaryFields::readInstant);
        if (found == VERSION_WITHOUT_RECENT_SEEN) {
            // every entry of this person is in the de-duplication store, the newest first seen at newestSeenAt
            return new PersonState(newestEventTime, decidedUntil, frozenConsumedUntil, episodes, abvs, ladder,
                    newestSeenAt, wakeAt, List.of(), newestSeenAt);
        }
        return new PersonState(newestEventTime, decidedUntil, frozenConsumedUntil, episodes, abvs, ladder,
                newestSeenAt, wakeAt, readList(in, SeenNotificationSerde::readFields),
                readNullable(in, BinaryFields::readInstant));
    }

    private static void writeEpisode(DataOutput out, Episode episode) throws IOException {
        writeEnum(out, episode.type());
        writeString(out, episode.episodeId());
        writeInstant(out, episode.start());
        writeNullable(out, episode.end(), BinaryFields::writeInstant);
        writeList(out, episode.reports(), PersonStateSerde::writeReport);
        writeNullable(out, episode.sevenDayCaseId(), BinaryFields::writeString);
    }

    private static Episode readEpisode(DataInput in) throws IOException {
        return new Episode(
                readEnum(in, BreachType.class),
                readString(in),
                readInstant(in),
                readNullable(in, BinaryFields::readInstant),
                readList(in, PersonStateSerde::readReport),
                readNullable(in, BinaryFields::readString));
    }

    private static void writeReport(DataOutput out, Episode.Report report) throws IOException {
        writeString(out, report.notificationId());
        writeInstant(out, report.occurredAt());
        writeNullable(out, report.end(), BinaryFields::writeInstant);
        writeInstant(out, report.receivedAt());
    }

    private static Episode.Report readReport(DataInput in) throws IOException {
        return new Episode.Report(
                readString(in),
                readInstant(in),
                readNullable(in, BinaryFields::readInstant),
                readInstant(in));
    }

    private static void writeAbv(DataOutput out, PersonState.AbvInForce abv) throws IOException {
        writeNullable(out, abv.at(), BinaryFields::writeInstant);
        writeNullable(out, abv.caseId(), BinaryFields::writeString);
    }

    private static PersonState.AbvInForce readAbv(DataInput in) throws IOException {
        return new PersonState.AbvInForce(
                readNullable(in, BinaryFields::readInstant),
                readNullable(in, BinaryFields::readString));
    }

    private static void writeQualifyingBreach(DataOutput out, QualifyingBreach breach) throws IOException {
        writeString(out, breach.trigger());
        writeInstant(out, breach.at());
        writeString(out, breach.caseId());
    }

    private static QualifyingBreach readQualifyingBreach(DataInput in) throws IOException {
        return new QualifyingBreach(readString(in), readInstant(in), readString(in));
    }
}
