package dev.widgetrequests.local.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads the stack for the dashboard without disturbing it: queue attributes; dead letters received
 * with a visibility timeout of 0, so every other reader still sees them (never the request queue:
 * each receive there counts towards its redrive policy); object listings and item counts.
 */
final class StackReader {
  private static final int LATEST = 8;
  private static final int BODY_CHARS = 160;

  private final DashboardSources sources;
  private final Map<String, String> rejectionReasons = new ConcurrentHashMap<>();

  StackReader(DashboardSources sources) {
    this.sources = sources;
  }

  /** Visible, in flight, delayed; the waiting time is the sampler's to add. */
  long[] queueDepth(String queueUrl) {
    Map<QueueAttributeName, String> attributes =
        sources
            .sqs()
            .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
            .attributes();
    return new long[] {
      number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
      number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
      number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)
    };
  }

  Status.DeadLetters deadLetters() {
    String url = sources.deadLetterQueueUrl();
    long[] depth = queueDepth(url);
    List<Status.DeadLetter> latest =
        depth[0] == 0
            ? List.of()
            : sources
                .sqs()
                .receiveMessage(
                    r ->
                        r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(0)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
                .messages()
                .stream()
                .map(StackReader::deadLetter)
                .sorted(Comparator.comparingLong(Status.DeadLetter::sentAt).reversed())
                .limit(LATEST)
                .toList();
    return new Status.DeadLetters(url, depth[0] + depth[1] + depth[2], latest);
  }

  Status.DeadLetters rejectedObjects() {
    List<S3Object> objects =
        sources
            .s3()
            .listObjectsV2Paginator(r -> r.bucket(sources.requestBucket()).prefix("rejected/"))
            .contents()
            .stream()
            .toList();
    List<Status.DeadLetter> latest =
        objects.stream()
            .sorted(Comparator.comparing(S3Object::lastModified).reversed())
            .limit(LATEST)
            .map(
                object ->
                    new Status.DeadLetter(
                        object.key(),
                        rejectionReason(object.key()),
                        "s3://" + sources.requestBucket(),
                        object.lastModified().toEpochMilli(),
                        null))
            .toList();
    return new Status.DeadLetters(
        "s3://" + sources.requestBucket() + "/rejected/", objects.size(), latest);
  }

  Status.Widgets widgets() {
    long s3 =
        sources
            .s3()
            .listObjectsV2Paginator(r -> r.bucket(sources.widgetBucket()).prefix("widgets/"))
            .contents()
            .stream()
            .count();
    long dynamoDb =
        sources
            .dynamoDb()
            .scanPaginator(
                r ->
                    r.tableName(sources.widgetTable())
                        .select(Select.COUNT)
                        .filterExpression("attribute_not_exists(wr_tombstone)"))
            .stream()
            .mapToLong(page -> page.count())
            .sum();
    return new Status.Widgets(s3, dynamoDb);
  }

  private String rejectionReason(String key) {
    return rejectionReasons.computeIfAbsent(
        key,
        k ->
            sources
                .s3()
                .headObject(r -> r.bucket(sources.requestBucket()).key(k))
                .metadata()
                .getOrDefault("rejection-reason", ""));
  }

  private static Status.DeadLetter deadLetter(Message message) {
    String body = message.body();
    return new Status.DeadLetter(
        message.messageId(),
        text(message, "reason"),
        text(message, "source-queue"),
        Long.parseLong(
            message.attributes().getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0")),
        body.length() <= BODY_CHARS ? body : body.substring(0, BODY_CHARS) + "…");
  }

  private static String text(Message message, String name) {
    MessageAttributeValue value = message.messageAttributes().get(name);
    return value == null ? null : value.stringValue();
  }

  private static long number(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    String value = attributes.get(name);
    return value == null ? 0 : Long.parseLong(value);
  }
}
