package dev.widgetrequests.aws.source.sqs;

import java.time.Duration;

/**
 * How long a released message stays hidden: doubling with each receive from 10 s, capped at 15
 * minutes, so a failing store is not hammered by the same messages again and again.
 */
final class RetryDelays {
  static final Duration FIRST = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(15);

  private RetryDelays() {}

  static Duration afterReceives(int receiveCount) {
    int doublings = Math.max(0, Math.min(receiveCount - 1, 16));
    Duration delay = FIRST.multipliedBy(1L << doublings);
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}
