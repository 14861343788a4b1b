package dev.widgetrequests.consumer.engine;

import java.time.Duration;

/**
 * How the consumer runs.
 *
 * @param concurrency the most requests in flight at once (across different widgets)
 * @param maxRuntime stop taking requests after this long; {@link Duration#ZERO} runs forever
 * @param exitWhenIdle stop once the source has been empty and nothing in flight this long; {@code
 *     null} never stops for idleness
 * @param drainTimeout how long a stop waits for requests in flight
 * @param heldAtMost the longest a delivery's visibility is extended while it is held
 * @param maxRate the most requests a second taken from the source; 0 for no cap
 */
public record EngineSettings(
    int concurrency,
    Duration maxRuntime,
    Duration exitWhenIdle,
    Duration drainTimeout,
    Duration heldAtMost,
    double maxRate) {

  /** What a consumer on AWS needs: many requests in flight, since each call waits ~20 ms. */
  public static final int DEFAULT_CONCURRENCY = 128;

  /** A message is kept hidden for at most this long while it waits or is applied. */
  public static final Duration DEFAULT_HELD_AT_MOST = Duration.ofMinutes(10);

  public EngineSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    if (maxRate < 0) {
      throw new IllegalArgumentException("maxRate must be 0 (none) or more, was " + maxRate);
    }
  }

  public EngineSettings(
      int concurrency,
      Duration maxRuntime,
      Duration exitWhenIdle,
      Duration drainTimeout,
      Duration heldAtMost) {
    this(concurrency, maxRuntime, exitWhenIdle, drainTimeout, heldAtMost, 0);
  }

  /** These settings with a cap of {@code perSecond} requests a second (0: none). */
  public EngineSettings withMaxRate(double perSecond) {
    return new EngineSettings(
        concurrency, maxRuntime, exitWhenIdle, drainTimeout, heldAtMost, perSecond);
  }

  public EngineSettings(
      int concurrency, Duration maxRuntime, Duration exitWhenIdle, Duration drainTimeout) {
    this(concurrency, maxRuntime, exitWhenIdle, drainTimeout, DEFAULT_HELD_AT_MOST);
  }
}
