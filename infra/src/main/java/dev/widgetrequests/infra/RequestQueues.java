package dev.widgetrequests.infra;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.RedriveAllowPolicy;
import software.amazon.awscdk.services.sqs.RedrivePermission;
import software.constructs.Construct;

/**
 * The request queue (standard, as in the course) and its dead-letter queue: the consumer
 * dead-letters invalid requests itself, and SQS moves a message there after {@code maxReceiveCount}
 * receives that did not end in a delete.
 *
 * <p>The request queue is a standard queue used as an SQS <em>fair queue</em>: the producer and the
 * request handler set each message's {@code MessageGroupId} to the request's owner, so SQS keeps
 * one noisy owner from delaying the others' requests. Nothing is configured on the queue for it;
 * the consumer ignores the group (order keys do the ordering). Its largest message is SQS's
 * default, 256 KiB, the request handler's and the consumer's default too; raising {@code
 * WIDGETS_MAX_MESSAGE_BYTES} (up to 1 MiB) needs the queue's {@code MaximumMessageSize} raised with
 * it (docs/design/request-format.md).
 */
public final class RequestQueues extends Construct {
  static final String QUEUE_NAME = "widget-requests";
  static final String DEAD_LETTER_QUEUE_NAME = "widget-requests-dlq";

  /** SQS's longest: a request waiting for a fix is not lost to retention. */
  static final Duration RETENTION = Duration.days(14);

  private final Queue queue;
  private final Queue deadLetters;

  public RequestQueues(Construct scope, String id, InfraSettings settings) {
    super(scope, id);
    // Only the request queue may move messages here: its ARN from its fixed name, since the
    // queue itself refers to this one.
    IQueue source =
        Queue.fromQueueArn(
            this,
            "RequestQueueArn",
            Stack.of(this)
                .formatArn(
                    ArnComponents.builder()
                        .service("sqs")
                        .resource(QUEUE_NAME)
                        .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                        .build()));
    deadLetters =
        Queue.Builder.create(this, "DeadLetterQueue")
            .queueName(DEAD_LETTER_QUEUE_NAME)
            .redriveAllowPolicy(
                RedriveAllowPolicy.builder()
                    .redrivePermission(RedrivePermission.BY_QUEUE)
                    .sourceQueues(List.of(source))
                    .build())
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(RETENTION)
            .build();
    queue =
        Queue.Builder.create(this, "RequestQueue")
            .queueName(QUEUE_NAME)
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(RETENTION)
            // The consumer takes the queue's visibility timeout (no -qvt): one request takes
            // well under a second, so 60 s leaves ample room and brings back a killed task's
            // requests within a minute.
            .visibilityTimeout(Duration.seconds(settings.visibilityTimeoutSeconds()))
            .deadLetterQueue(
                DeadLetterQueue.builder()
                    .queue(deadLetters)
                    .maxReceiveCount(settings.maxReceiveCount())
                    .build())
            .build();
  }

  public IQueue queue() {
    return queue;
  }

  public IQueue deadLetters() {
    return deadLetters;
  }
}
