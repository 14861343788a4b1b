package dev.widgetrequests.consumer.engine;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * The most requests a second the consumer takes from its source ({@code --max-rate}): each delivery
 * received takes a permission before it is handed on, so the poll loops wait when the rate is
 * reached and what is received stays within the rate over any second. Permissions are handed out in
 * slices of a tenth of a second (a second for rates under ten), so a burst is at most a tenth of
 * the rate.
 */
final class RateCap {
  private final RateLimiter limiter;

  private RateCap(RateLimiter limiter) {
    this.limiter = limiter;
  }

  /** A cap of {@code perSecond} requests a second; none when zero. */
  static RateCap of(double perSecond) {
    if (perSecond <= 0) {
      return new RateCap(null);
    }
    boolean slow = perSecond < 10;
    RateLimiterConfig config =
        RateLimiterConfig.custom()
            .limitRefreshPeriod(
                slow ? Duration.ofNanos((long) (1e9 / perSecond)) : Duration.ofMillis(100))
            .limitForPeriod(slow ? 1 : (int) Math.round(perSecond / 10))
            .timeoutDuration(Duration.ofDays(1))
            .build();
    return new RateCap(RateLimiter.of("consumer", config));
  }

  /** Waits until {@code requests} more may be taken; returns early when interrupted. */
  void take(int requests) {
    if (limiter == null) {
      return;
    }
    for (int i = 0; i < requests && !Thread.currentThread().isInterrupted(); i++) {
      limiter.acquirePermission();
    }
  }
}
