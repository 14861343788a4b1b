package dev.widgetrequests.cli.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The producer's ceiling: bare SDK loops sending batches of ten fixed messages to a queue. */
final class BareSend {
  static final int LOOPS = 32;
  private static final String BODY =
      "{\"type\":\"create\",\"requestId\":\"00000000-0000-0000-0000-000000000000\","
          + "\"widgetId\":\"00000000-0000-0000-0000-000000000001\",\"owner\":\"Mary Matthews\","
          + "\"label\":\"ABC\",\"description\":\"DEF\",\"otherAttributes\":[]}";

  private BareSend() {}

  /** Sends {@code total} messages and returns the rate. */
  static double perSecond(BenchClients clients, String queueUrl, int total) {
    AtomicInteger batches = new AtomicInteger((total + 9) / 10);
    List<SendMessageBatchRequestEntry> entries =
        IntStream.range(0, 10)
            .mapToObj(
                i ->
                    SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(BODY)
                        .build())
            .toList();
    long start = System.nanoTime();
    try (ExecutorService loops = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < LOOPS; i++) {
        loops.execute(
            () -> {
              while (batches.getAndDecrement() > 0) {
                clients.sqs().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
              }
            });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return ((total + 9) / 10 * 10) / seconds;
  }
}
