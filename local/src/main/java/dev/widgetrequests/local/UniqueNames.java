package dev.widgetrequests.local;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names that tests sharing one stack cannot collide on: a readable prefix, a counter, and a random
 * part for stacks that outlive one JVM's counter (a server reused across runs).
 */
final class UniqueNames {
  /** Leaves room for the counter, the random part and a {@code -dlq} suffix within 63 chars. */
  private static final int MAX_PREFIX_LENGTH = 40;

  private static final int RANDOM_BOUND = 36 * 36 * 36 * 36;

  private final AtomicLong counter = new AtomicLong();

  String next(String prefix) {
    String safe =
        prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (safe.length() > MAX_PREFIX_LENGTH) {
      safe = safe.substring(0, MAX_PREFIX_LENGTH).replaceAll("-+$", "");
    }
    String suffix =
        counter.incrementAndGet()
            + "-"
            + Integer.toString(ThreadLocalRandom.current().nextInt(RANDOM_BOUND), 36);
    return safe.isEmpty() ? "r" + suffix : safe + "-" + suffix;
  }
}
