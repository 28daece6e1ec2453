package uk.gov.em.hub.subjects.publish;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import uk.gov.em.contracts.Topics;

/**
 * Puts subject register entries on em.subjects (compacted, keyed by subject id), the value already
 * serialised with the contracts' {@code JsonSerde.of(Subject.class)}. Blocks until the broker has
 * acknowledged the record on all in-sync replicas.
 */
@KafkaClient(id = "hub-subjects", acks = KafkaClient.Acknowledge.ALL)
public interface SubjectProducer {

    @Topic(Topics.SUBJECTS)
    void send(@KafkaKey String subjectId, byte[] subject);
}
