package uk.gov.em.hub.common.ingest;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.common.header.Header;
import uk.gov.em.contracts.Topics;

import java.util.Collection;

/** Puts a record on em.dead-letter and blocks until every in-sync replica has it. */
@KafkaClient(id = "hub-dead-letters", acks = KafkaClient.Acknowledge.ALL)
public interface DeadLetterProducer {

    @Topic(Topics.DEAD_LETTER)
    void send(@KafkaKey String key, byte[] value, Collection<Header> headers);
}
