package dev.widgetrequests.bench;

import dev.widgetrequests.aws.source.sqs.SqsRequestSource;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.producer.generate.RequestGenerator;
import dev.widgetrequests.producer.key.RequestKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The producer's ceiling: bare SDK loops sending batches of ten to a queue, the very messages the
 * producer sends (the same requests as JSON, each with its {@code request-key}), built beforehand.
 */
final class BareSend {
  static final int LOOPS = 32;

  private BareSend() {}

  /** Sends {@code total} messages of the stream seeded with {@code seed} and returns the rate. */
  static double perSecond(BenchClients clients, String queueUrl, int total, long seed) {
    ConcurrentLinkedQueue<List<SendMessageBatchRequestEntry>> batches =
        new ConcurrentLinkedQueue<>(batches(total, seed));
    long start = System.nanoTime();
    try (ExecutorService loops = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < LOOPS; i++) {
        loops.execute(
            () -> {
              for (var batch = batches.poll(); batch != null; batch = batches.poll()) {
                List<SendMessageBatchRequestEntry> entries = batch;
                clients.sqs().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
              }
            });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return total / seconds;
  }

  private static List<List<SendMessageBatchRequestEntry>> batches(int total, long seed) {
    RequestGenerator generator = RequestGenerator.seeded(seed);
    RequestKeys keys = new RequestKeys(Clock.systemUTC());
    List<List<SendMessageBatchRequestEntry>> batches = new ArrayList<>();
    List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      WidgetRequest request = generator.next();
      batch.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(batch.size()))
              .messageBody(WidgetJson.toJson(request))
              .messageAttributes(
                  Map.of(
                      SqsRequestSource.REQUEST_KEY_ATTRIBUTE,
                      MessageAttributeValue.builder()
                          .dataType("String")
                          .stringValue(keys.next())
                          .build()))
              .build());
      if (batch.size() == 10 || i == total - 1) {
        batches.add(List.copyOf(batch));
        batch.clear();
      }
    }
    return batches;
  }
}
