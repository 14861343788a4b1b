package dev.widgetrequests.lambda.intake;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Order keys for accepted requests: {@code %013d-%04d-%s} of the epoch millisecond of acceptance, a
 * counter within that millisecond, and a random 8-hex-digit part drawn for each request. Keys of
 * one instance sort in acceptance order, keys of all instances by time, and no two requests share a
 * key: not even those accepted in one millisecond by two instances restored from one SnapStart
 * snapshot, which share everything drawn at init (docs/design/convergence.md). Thread safe.
 */
public final class RequestKeys {
  private static final int PER_MILLISECOND = 10_000;

  private final Clock clock;
  private final Supplier<String> randomPart;
  private long millisecond = -1;
  private int counter;

  /**
   * @param randomPart gives each key's random part; called once per key
   */
  public RequestKeys(Clock clock, Supplier<String> randomPart) {
    this.clock = clock;
    this.randomPart = randomPart;
  }

  /**
   * Keys whose random part comes from the operating system's generator on every call ({@code
   * /dev/urandom} through NativePRNG where there is one), so an instance restored from a snapshot
   * does not replay a generator state it was restored with.
   */
  public static RequestKeys drawingPerRequest(Clock clock) {
    SecureRandom random = systemRandom();
    return new RequestKeys(
        clock,
        () -> {
          byte[] part = new byte[4];
          random.nextBytes(part);
          return HexFormat.of().formatHex(part);
        });
  }

  public String next() {
    long now;
    int count;
    synchronized (this) {
      now = Math.max(clock.millis(), millisecond);
      if (now == millisecond && counter + 1 >= PER_MILLISECOND) {
        now = millisecond + 1; // four digits keep the order; a busier millisecond borrows the next
      }
      if (now != millisecond) {
        millisecond = now;
        counter = 0;
      } else {
        counter++;
      }
      count = counter;
    }
    return "%013d-%04d-%s".formatted(now, count, randomPart.get());
  }

  private static SecureRandom systemRandom() {
    try {
      return SecureRandom.getInstance("NativePRNGNonBlocking");
    } catch (NoSuchAlgorithmException notOnThisPlatform) {
      return new SecureRandom();
    }
  }
}
