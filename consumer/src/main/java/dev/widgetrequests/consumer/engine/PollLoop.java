package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.failure.InfrastructureFailure;
import dev.widgetrequests.source.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the engine's poll loops: waits for room for a whole batch, polls, hands the batch on and
 * polls again at once. Backs off when the source fails.
 */
final class PollLoop {
  private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
  private static final int BATCH_PERMITS = 10;

  /** What the loops share: when work last came. */
  static final class Shared {
    final AtomicReference<Instant> lastWork;

    Shared(Instant now) {
      this.lastWork = new AtomicReference<>(now);
    }
  }

  private final ConsumerEngine engine;
  private final Dispatch dispatch;
  private final Shared shared;
  private final Instant start;
  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
  private int batchPermits;

  PollLoop(ConsumerEngine engine, Dispatch dispatch, Shared shared, Instant start) {
    this.engine = engine;
    this.dispatch = dispatch;
    this.shared = shared;
    this.start = start;
    this.batchPermits = Math.min(BATCH_PERMITS, engine.settings().concurrency());
  }

  /** Polls until stopped; whatever a poll throws is logged and backed off, never ends the loop. */
  void run() {
    try {
      int failures = 0;
      while (engine.running() && !pastMaxRuntime()) {
        try {
          engine.permits().awaitRoom();
          // A batch's permits fit in the window, however far the store has shrunk it.
          batchPermits = Math.min(BATCH_PERMITS, engine.permits().size());
          engine.permits().acquire(batchPermits);
        } catch (InterruptedException stopped) {
          break;
        }
        var place = dispatch.reserve();
        try {
          List<Delivery> batch;
          try {
            batch = pollHolding();
            failures = 0;
          } catch (InterruptedException stopped) {
            engine.permits().release(batchPermits);
            break;
          } catch (InfrastructureFailure.Fatal broken) {
            engine.permits().release(batchPermits);
            engine.failed(broken);
            break;
          } catch (RuntimeException failure) {
            engine.permits().release(batchPermits);
            if (!engine.running() || !backOff(failure, ++failures)) {
              break; // a stop may surface as a failed poll: an interrupted call
            }
            continue;
          }
          if (batch == null || !take(batch, place)) {
            break;
          }
        } finally {
          dispatch.fill(place, List.of()); // a place left empty would hold up every later batch
        }
      }
    } finally {
      engine.stop(); // one loop ending (idle, runtime, stop, a bug) ends them all
    }
  }

  /** Polls with the batch's permits held; null (permits returned) when stopped meanwhile. */
  private List<Delivery> pollHolding() throws InterruptedException {
    if (!engine.running()) {
      engine.permits().release(batchPermits);
      return null;
    }
    engine.pollStarting();
    try {
      return engine.source().poll();
    } finally {
      engine.pollEnded();
    }
  }

  /**
   * Hands the batch on, one permit per delivery; a batch larger than the permits held (a bucket
   * listing) goes on in parts as permits free up. False when it is time to stop.
   */
  private boolean take(List<Delivery> batch, CompletableFuture<Dispatch.Started> place) {
    if (batch.isEmpty()) {
      engine.permits().release(batchPermits);
      if (idleTooLong()) {
        log.info("no requests for {} s: stopping", engine.settings().exitWhenIdle().toSeconds());
        return false;
      }
      return true;
    }
    engine.rateCap().take(batch.size()); // --max-rate: a stop meanwhile gives the batch back
    int held = batchPermits;
    for (int from = 0; from < batch.size(); ) {
      int part = Math.min(held, batch.size() - from);
      List<Settlement> handed =
          batch.subList(from, from + part).stream().map(engine::received).toList();
      if (from == 0) {
        dispatch.fill(place, handed);
      } else {
        dispatch.submit(handed);
      }
      from += part;
      held -= part;
      if (from < batch.size()) {
        held = Math.min(batchPermits, batch.size() - from);
        engine.permits().acquireUninterruptibly(held);
      }
    }
    engine.permits().release(held);
    shared.lastWork.set(engine.clock().instant());
    return true;
  }

  private boolean backOff(RuntimeException failure, int failures) {
    Duration wait = backoff.delay(failures);
    log.warn(
        "reading {} failed ({}); trying again in {} ms",
        engine.source().describe(),
        Failures.describe(failure),
        wait.toMillis());
    try {
      Thread.sleep(wait);
      return true;
    } catch (InterruptedException stopped) {
      return false;
    }
  }

  private boolean pastMaxRuntime() {
    Duration max = engine.settings().maxRuntime();
    return !max.isZero() && Duration.between(start, engine.clock().instant()).compareTo(max) >= 0;
  }

  private boolean idleTooLong() {
    Duration idle = engine.settings().exitWhenIdle();
    return idle != null
        && engine.idle()
        && Duration.between(shared.lastWork.get(), engine.clock().instant()).compareTo(idle) >= 0;
  }
}
