package dev.widgetrequests.cli.demo;

import dev.widgetrequests.consumer.engine.ConsumerStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the demo did and found.
 *
 * @param sent requests accepted per path in each round
 * @param refusedOverHttp bad requests the handler answered 400, in all rounds
 * @param rounds one per store
 * @param widgetsInS3 widgets found in the S3 store at the end
 * @param widgetsInDynamoDb widgets found in the DynamoDB table at the end
 * @param failures checks that failed; empty when all passed
 */
record DemoReport(
    Map<DemoPath, Long> sent,
    long refusedOverHttp,
    List<Round> rounds,
    int widgetsInS3,
    int widgetsInDynamoDb,
    List<String> failures,
    Duration elapsed) {

  /** One pass of every path into one store, consumed from the bucket and the queue at once. */
  record Round(
      String store, ConsumerStats.Summary bucket, ConsumerStats.Summary queue, Duration took) {
    long handled() {
      return bucket.handled() + queue.handled();
    }

    /** Over the time the consumers were busy, not the idle second that tells them to stop. */
    double perSecond() {
      Duration busy = bucket.busy().compareTo(queue.busy()) > 0 ? bucket.busy() : queue.busy();
      return handled() / Math.max(0.001, busy.toNanos() / 1e9);
    }
  }

  boolean passed() {
    return failures.isEmpty();
  }

  void print(PrintStream out) {
    out.println();
    out.println("Requests per path (each round)");
    sent.forEach((path, count) -> out.printf(Locale.ROOT, "  %-12s %6d%n", path, count));
    out.printf(
        Locale.ROOT,
        "  %-12s %6d  (invalid on purpose: %d moved under rejected/, %d refused with 400)%n",
        "bad",
        Feeds.BAD_BUCKET_REQUESTS.size() + Feeds.BAD_HTTP_REQUESTS.size(),
        Feeds.BAD_BUCKET_REQUESTS.size(),
        Feeds.BAD_HTTP_REQUESTS.size());
    out.println();
    out.printf(
        Locale.ROOT,
        "Consumed (%d bucket and %d queue consumers side by side)%n",
        Demo.BUCKET_CONSUMERS,
        Demo.QUEUE_CONSUMERS);
    out.printf(
        Locale.ROOT,
        "  %-9s %8s %8s %9s %8s %8s %8s%n",
        "store",
        "handled",
        "applied",
        "warnings",
        "rejected",
        "time",
        "rate");
    for (Round round : rounds) {
      out.printf(
          Locale.ROOT,
          "  %-9s %8d %8d %9d %8d %7.1fs %6.0f/s%n",
          round.store(),
          round.handled(),
          round.bucket().applied() + round.queue().applied(),
          round.bucket().warned() + round.queue().warned(),
          round.bucket().rejected() + round.queue().rejected(),
          round.took().toNanos() / 1e9,
          round.perSecond());
    }
    out.println(
        "  (warnings are updates and deletes of widgets already deleted, as the course producer"
            + " sends)");
    out.println();
    out.printf(
        Locale.ROOT, "Widgets stored: %d in S3, %d in DynamoDB%n", widgetsInS3, widgetsInDynamoDb);
    if (passed()) {
      out.println("Checks passed: both stores hold the same widgets, exactly those the requests");
      out.println("  describe; every source is drained; bad requests were rejected, not lost.");
    } else {
      out.println("Checks FAILED:");
      failures.forEach(failure -> out.println("  - " + failure));
    }
    out.printf(Locale.ROOT, "Demo took %.1f s.%n", elapsed.toNanos() / 1e9);
  }
}
