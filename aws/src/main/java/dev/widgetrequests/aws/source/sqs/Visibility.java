package dev.widgetrequests.aws.source.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Changes how long received messages stay hidden: one at a time, or ten in a batch. */
final class Visibility {
  private static final Logger log = LoggerFactory.getLogger(Visibility.class);
  private static final Duration SQS_DEFAULT = Duration.ofSeconds(30);
  private static final int BATCH = 10;

  private final SqsClient sqs;
  private final String queueUrl;
  private final Integer configuredSeconds;
  private volatile Duration timeout;

  Visibility(SqsClient sqs, String queueUrl, Integer configuredSeconds) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.configuredSeconds = configuredSeconds;
  }

  /** The visibility timeout received messages get: the configured one, else the queue's. */
  Duration timeout() {
    if (timeout == null) {
      timeout = configuredSeconds != null ? Duration.ofSeconds(configuredSeconds) : queueTimeout();
    }
    return timeout;
  }

  void change(SqsDelivery message, Duration hidden) {
    sqs.changeMessageVisibility(
        r ->
            r.queueUrl(queueUrl)
                .receiptHandle(message.receiptHandle())
                .visibilityTimeout((int) hidden.toSeconds()));
  }

  /** Hides every message for {@code hidden} from now, ten per call. */
  void extend(List<SqsDelivery> messages, Duration hidden) {
    for (int from = 0; from < messages.size(); from += BATCH) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      List<SqsDelivery> batch = messages.subList(from, Math.min(messages.size(), from + BATCH));
      for (int i = 0; i < batch.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(batch.get(i).receiptHandle())
                .visibilityTimeout((int) hidden.toSeconds())
                .build());
      }
      var response = sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
      response
          .failed()
          .forEach(
              failed ->
                  log.warn(
                      "could not extend the visibility of message {}: {}",
                      batch.get(Integer.parseInt(failed.id())).messageId(),
                      failed.message()));
    }
  }

  private Duration queueTimeout() {
    try {
      String seconds =
          sqs.getQueueAttributes(
                  r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
              .attributes()
              .get(QueueAttributeName.VISIBILITY_TIMEOUT);
      return seconds == null ? SQS_DEFAULT : Duration.ofSeconds(Long.parseLong(seconds));
    } catch (RuntimeException unknown) {
      log.debug(
          "visibility timeout of {} unknown ({}): assuming 30 s", queueUrl, unknown.toString());
      return SQS_DEFAULT;
    }
  }
}
