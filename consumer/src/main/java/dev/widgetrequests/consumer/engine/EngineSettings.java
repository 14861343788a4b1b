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
 */
public record EngineSettings(
    int concurrency, Duration maxRuntime, Duration exitWhenIdle, Duration drainTimeout) {
  public EngineSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
  }
}
