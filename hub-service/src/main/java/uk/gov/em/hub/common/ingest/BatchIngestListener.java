package uk.gov.em.hub.common.ingest;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.context.annotation.AliasFor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link KafkaListener} with the hub's one ingest policy, so every feed commits and retries alike: polls
 * from the earliest offset in batches, commits a batch's offsets synchronously only after the listener
 * returned (that is after its transaction committed, so a crash redelivers it), and polls a batch that
 * could not be stored again, as many times as it takes, once {@link BatchIngestion} has waited out its
 * back-off ({@link IngestProperties}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        batch = true,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Integer.MAX_VALUE,
                // BatchIngestion has waited out its back-off before it rethrows: poll again at once
                retryDelay = "0s"))
public @interface BatchIngestListener {

    /** The feed's consumer group. */
    @AliasFor(annotation = KafkaListener.class, member = "groupId")
    String groupId();
}
