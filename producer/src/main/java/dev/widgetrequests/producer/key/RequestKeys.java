package dev.widgetrequests.producer.key;

import java.time.Clock;

/**
 * Request object keys in the course producer's form, the 13-digit epoch millisecond of production
 * ({@code 1615728964574}), kept unique and strictly increasing at any rate: the second and later
 * keys of one millisecond get a fixed-width sequence ({@code 1615728964574-0001}), which sorts
 * after the plain key of that millisecond and before any key of the next. A clock that steps back
 * does not step the keys back; more than 10,000 keys in one millisecond borrow the next one.
 *
 * <p>Not thread safe: one producing thread makes all the keys, in production order.
 */
public final class RequestKeys {
  static final int MAX_SEQUENCE = 9_999;
  private static final int MILLIS_DIGITS = 13;
  private static final int SEQUENCE_DIGITS = 4;

  private final Clock clock;
  private long millis = Long.MIN_VALUE;
  private int sequence;

  public RequestKeys(Clock clock) {
    this.clock = clock;
  }

  public String next() {
    long now = clock.millis();
    if (now > millis) {
      millis = now;
      sequence = 0;
    } else if (sequence < MAX_SEQUENCE) {
      sequence++;
    } else {
      millis++;
      sequence = 0;
    }
    return format(millis, sequence);
  }

  private static String format(long millis, int sequence) {
    StringBuilder key = new StringBuilder(MILLIS_DIGITS + 1 + SEQUENCE_DIGITS);
    padded(key, Long.toString(millis), MILLIS_DIGITS);
    if (sequence > 0) {
      padded(key.append('-'), Integer.toString(sequence), SEQUENCE_DIGITS);
    }
    return key.toString();
  }

  private static void padded(StringBuilder key, String digits, int width) {
    key.repeat('0', Math.max(0, width - digits.length())).append(digits);
  }
}
