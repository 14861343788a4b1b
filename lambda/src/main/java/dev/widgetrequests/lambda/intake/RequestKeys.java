package dev.widgetrequests.lambda.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Order keys for accepted requests: {@code %013d-%04d-%s} of the epoch millisecond of acceptance, a
 * counter within that millisecond, and this handler instance's random 8-hex-digit id, so keys of
 * one instance are unique and sort in acceptance order, and keys of all instances sort by time.
 * Thread safe.
 */
public final class RequestKeys {
  private static final int PER_MILLISECOND = 10_000;

  private final Clock clock;
  private final String instanceId;
  private long millisecond = -1;
  private int counter;

  public RequestKeys(Clock clock, String instanceId) {
    this.clock = clock;
    this.instanceId = instanceId;
  }

  /** Keys for this instance, with a random id drawn now (at init, once per instance). */
  public static RequestKeys withRandomInstanceId(Clock clock) {
    byte[] id = new byte[4];
    new SecureRandom().nextBytes(id);
    return new RequestKeys(clock, HexFormat.of().formatHex(id));
  }

  public synchronized String next() {
    long now = Math.max(clock.millis(), millisecond);
    if (now == millisecond && counter + 1 >= PER_MILLISECOND) {
      now = millisecond + 1; // four digits keep the order; a busier millisecond borrows the next
    }
    if (now != millisecond) {
      millisecond = now;
      counter = 0;
    } else {
      counter++;
    }
    return "%013d-%04d-%s".formatted(millisecond, counter, instanceId);
  }
}
