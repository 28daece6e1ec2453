package uk.gov.em.streams.person;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.em.streams.person.domain.PersonState;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentPeopleTest {

    private KeyValueStore<String, PersonState> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("people"), Serdes.String(),
                new PersonStateSerde()).withLoggingDisabled().withCachingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void aChangedStateReachesTheStoreOnlyWhenTheChangesAreWritten() {
        RecentPeople people = new RecentPeople(store, 10);

        people.change("S-1", state(1));

        assertThat(people.get("S-1")).isEqualTo(state(1));
        assertThat(store.get("S-1")).isNull();
        assertThat(people.writeChanged()).isEqualTo(1);
        assertThat(store.get("S-1")).isEqualTo(state(1));
        assertThat(people.writeChanged()).isZero();
    }

    @Test
    void aPersonChangedManyTimesBetweenTwoWritesIsWrittenOnceWithTheLatestState() {
        RecentPeople people = new RecentPeople(store, 10);

        people.change("S-1", state(1));
        people.change("S-1", state(2));
        people.change("S-1", state(3));

        assertThat(people.writeChanged()).isEqualTo(1);
        assertThat(store.get("S-1")).isEqualTo(state(3));
    }

    @Test
    void beyondItsCapacityItForgetsPeopleAlreadyWrittenButNeverAChangeNotYetWritten() {
        RecentPeople people = new RecentPeople(store, 2);

        people.change("S-1", state(1));
        people.change("S-2", state(2));
        assertThat(people.full()).isTrue();
        people.change("S-3", state(3));

        assertThat(people.held()).isEqualTo(3);
        assertThat(people.writeChanged()).isEqualTo(3);
        assertThat(store.get("S-1")).isEqualTo(state(1));
        assertThat(store.get("S-2")).isEqualTo(state(2));
        assertThat(store.get("S-3")).isEqualTo(state(3));
        assertThat(people.full()).isFalse();
        assertThat(people.held()).as("back within its capacity once written").isEqualTo(2);
    }

    @Test
    void aPersonForgottenIsReadFromTheStoreAgain() {
        RecentPeople people = new RecentPeople(store, 1);
        people.change("S-1", state(1));
        people.writeChanged();
        people.change("S-2", state(2));
        people.writeChanged();
        store.put("S-1", state(9));

        assertThat(people.get("S-1")).as("forgotten, so read from the store").isEqualTo(state(9));
        assertThat(people.get("S-unknown")).isNull();
    }

    private static PersonState state(int day) {
        Instant at = Instant.parse("2022-01-01T00:00:00Z").plusSeconds(86_400L * day);
        return new PersonState(at, at, null, null, null, null, at, null, null, null);
    }
}
