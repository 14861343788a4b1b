package dev.widgetrequests.local.dashboard;

import java.util.List;
import java.util.Map;

/**
 * One reading of the stack, as {@code /api/status} sends it to the page.
 *
 * @param at when it was read, epoch milliseconds
 * @param error why the last reading failed, or {@code null}
 */
record Status(
    long at,
    Queue queue,
    DeadLetters deadLetters,
    DeadLetters rejectedObjects,
    Widgets widgets,
    Totals totals,
    List<ConsumerView> consumers,
    Map<String, CallRate> calls,
    List<Point> history,
    String error) {

  /**
   * @param waitingSeconds how long the queue has not been empty (an upper bound on the age of its
   *     oldest message), or {@code null} when it is empty
   */
  record Queue(String url, long visible, long inFlight, long delayed, Long waitingSeconds) {}

  /** A dead letter or rejected object: where it is and why. */
  record DeadLetter(String id, String reason, String source, long sentAt, String body) {}

  record DeadLetters(String where, long count, List<DeadLetter> latest) {}

  /** Live widgets in each store. */
  record Widgets(long s3, long dynamoDb) {}

  /**
   * Requests finished by every consumer watched, restarts included.
   *
   * @param rejected dead-lettered, too-late ones included
   * @param tooLate dead-lettered because their widget no longer kept where they belong
   */
  record Totals(
      long applied,
      long warned,
      long rejected,
      long tooLate,
      long inFlight,
      double appliedPerSecond,
      double rejectedPerSecond) {}

  record ConsumerView(String url, boolean up, long applied, long rejected, long inFlight) {}

  record CallRate(long total, double perSecond) {}

  /** One point of the rate chart. */
  record Point(long at, double applied, double rejected, long depth) {}
}
