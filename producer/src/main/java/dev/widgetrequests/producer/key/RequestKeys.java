package dev.widgetrequests.producer.key;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Request keys that sort in production order and are unique across producers: {@code
 * 1615728964574-0000-0a1b2c3d}, the 13-digit epoch millisecond of production (the course producer's
 * whole key), a fixed-width sequence within that millisecond, and a random part drawn once per
 * producer, so two producers in one millisecond never make one key for two requests
 * (docs/design/convergence.md). The course producer's bare keys sort before ours of the same
 * millisecond and after every earlier one. A clock that steps back does not step the keys back;
 * more than 10,000 keys in one millisecond borrow the next one.
 *
 * <p>Not thread safe: one producing thread makes all the keys, in production order.
 */
public final class RequestKeys {
  static final int MAX_SEQUENCE = 9_999;

  private final Clock clock;
  private final String producerPart;
  private long millis = Long.MIN_VALUE;
  private int sequence;

  /** Keys of a new producer: its random part is drawn now. */
  public RequestKeys(Clock clock) {
    this(clock, randomPart());
  }

  /**
   * @param producerPart what sets this producer's keys apart from every other's (8 hex digits)
   */
  public RequestKeys(Clock clock, String producerPart) {
    this.clock = clock;
    this.producerPart = producerPart;
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
    return "%013d-%04d-%s".formatted(millis, sequence, producerPart);
  }

  private static String randomPart() {
    byte[] part = new byte[4];
    new SecureRandom().nextBytes(part);
    return HexFormat.of().formatHex(part);
  }
}
