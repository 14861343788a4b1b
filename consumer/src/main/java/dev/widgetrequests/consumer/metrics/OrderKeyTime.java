package dev.widgetrequests.consumer.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * The time an order key tells: keys start with 13 digits of epoch milliseconds
 * (docs/design/convergence.md).
 */
final class OrderKeyTime {
  private static final int DIGITS = 13;

  private OrderKeyTime() {}

  /** When the request was made, or empty when the key does not start with a time. */
  static Optional<Instant> of(String orderKey) {
    if (orderKey == null || orderKey.length() < DIGITS) {
      return Optional.empty();
    }
    for (int i = 0; i < DIGITS; i++) {
      if (!isDigit(orderKey.charAt(i))) {
        return Optional.empty();
      }
    }
    if (orderKey.length() > DIGITS && isDigit(orderKey.charAt(DIGITS))) {
      return Optional.empty(); // a longer number is no millisecond time
    }
    return Optional.of(Instant.ofEpochMilli(Long.parseLong(orderKey.substring(0, DIGITS))));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
