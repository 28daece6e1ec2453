package uk.gov.em.hub.audit.checkpoint;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import uk.gov.em.contracts.Topics;

/**
 * Puts the audit chain's head on {@code em.audit-checkpoints} ({@code hub.audit.checkpoint-topic}); blocks
 * until every in-sync replica has it.
 */
@KafkaClient(id = "hub-audit-checkpoints", acks = KafkaClient.Acknowledge.ALL)
public interface AuditCheckpointProducer {

    @Topic("${hub.audit.checkpoint-topic:" + Topics.AUDIT_CHECKPOINTS + "}")
    void send(@KafkaKey String key, String checkpoint);
}
