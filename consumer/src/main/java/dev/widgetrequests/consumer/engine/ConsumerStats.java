package dev.widgetrequests.consumer.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts outcomes as the consumer runs; thread safe. */
public final class ConsumerStats {
  private final LongAdder applied = new LongAdder();
  private final LongAdder warned = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder released = new LongAdder();
  private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastFinish = new AtomicLong(Long.MIN_VALUE);

  /** Marks a request taken up, for the busy time the rate is measured over. */
  void started(long nanoTime) {
    firstStart.accumulateAndGet(nanoTime, Math::min);
  }

  void record(Outcome outcome) {
    lastFinish.accumulateAndGet(System.nanoTime(), Math::max);
    switch (outcome) {
      case Outcome.Applied a -> applied.increment();
      case Outcome.Warned w -> warned.increment();
      case Outcome.Duplicate d -> warned.increment();
      case Outcome.Rejected r -> rejected.increment();
      case Outcome.TooLate t -> rejected.increment();
      case Outcome.Released r -> released.increment();
      case Outcome.Gone g -> {} // ended by its source: not this consumer's to count
    }
  }

  /** The counts now, with the time they took. */
  public Summary summary(Duration elapsed) {
    long busy = lastFinish.get() - firstStart.get();
    return new Summary(
        applied.sum(),
        warned.sum(),
        rejected.sum(),
        released.sum(),
        elapsed,
        busy > 0 ? Duration.ofNanos(busy) : Duration.ZERO);
  }

  /**
   * What a run did.
   *
   * @param applied requests that changed the store as asked
   * @param warned valid requests that changed nothing (see the log for why)
   * @param rejected invalid requests, dead-lettered
   * @param released requests left in their source after failures, to be tried again
   * @param elapsed the whole run, idle time included
   * @param busy from the first request taken to the last one finished: what the rate is over
   */
  public record Summary(
      long applied, long warned, long rejected, long released, Duration elapsed, Duration busy) {
    public long handled() {
      return applied + warned + rejected;
    }

    public double perSecond() {
      double seconds = busy.toNanos() / 1e9;
      return seconds <= 0 ? 0 : handled() / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          "%d handled in %.1f s (%.0f/s while busy): %d applied, %d warnings, %d rejected, %d left"
              + " for retry",
          handled(), elapsed.toNanos() / 1e9, perSecond(), applied, warned, rejected, released);
    }
  }
}
