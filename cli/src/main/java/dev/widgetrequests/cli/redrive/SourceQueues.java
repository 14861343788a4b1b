package dev.widgetrequests.cli.redrive;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queues whose redrive policy names a dead-letter queue (SQS ListDeadLetterSourceQueues): the
 * only queues its dead letters go back to without {@code --to}. A queue is matched by account and
 * name, so a URL written with another host still finds it, and a letter is always sent to the URL
 * SQS listed, never to the one the letter carries (docs/design/dead-letters.md).
 */
final class SourceQueues {
  private final Map<String, String> urlByQueue;

  private SourceQueues(Map<String, String> urlByQueue) {
    this.urlByQueue = Map.copyOf(urlByQueue);
  }

  static SourceQueues of(SqsClient sqs, String deadLetterQueueUrl) {
    Map<String, String> urls = new HashMap<>();
    sqs.listDeadLetterSourceQueuesPaginator(r -> r.queueUrl(deadLetterQueueUrl))
        .queueUrls()
        .forEach(url -> fromUrl(url).ifPresent(queue -> urls.put(queue, url)));
    return new SourceQueues(urls);
  }

  /** The listed URL of the queue {@code url} names, if it is a source of this dead-letter queue. */
  Optional<String> byUrl(String url) {
    return fromUrl(url).map(urlByQueue::get);
  }

  /** The listed URL of the queue {@code arn} names, if it is a source of this dead-letter queue. */
  Optional<String> byArn(String arn) {
    // arn:aws:sqs:REGION:ACCOUNT:NAME
    String[] parts = arn.split(":", -1);
    if (parts.length != 6 || !parts[2].equals("sqs")) {
      return Optional.empty();
    }
    return Optional.ofNullable(urlByQueue.get(parts[4] + "/" + parts[5]));
  }

  /** {@code ACCOUNT/NAME} from a queue URL ({@code https://HOST/ACCOUNT/NAME}). */
  private static Optional<String> fromUrl(String url) {
    try {
      String path = URI.create(url).getPath();
      String[] parts = path == null ? new String[0] : path.split("/");
      if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(parts[1] + "/" + parts[2]);
    } catch (IllegalArgumentException notAUrl) {
      return Optional.empty();
    }
  }
}
