package dev.widgetrequests.consumer.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, capped. */
record Backoff(Duration first, Duration max) {

  /** The wait before retry number {@code attempt} (1-based). */
  Duration delay(int attempt) {
    long cap = Math.min(max.toMillis(), first.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
  }
}
