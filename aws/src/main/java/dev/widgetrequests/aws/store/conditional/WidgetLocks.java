package dev.widgetrequests.aws.store.conditional;

import dev.widgetrequests.model.store.StoreConflictException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises one process's writers of one widget, so conditional writes only ever arbitrate between
 * processes (a process never loses a race to itself), and spaces out the retries of a lost race.
 * Striped: widgets share a fixed number of locks.
 */
public final class WidgetLocks {
  private static final int STRIPES = 1024;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public WidgetLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Runs the work holding the widget's lock. */
  public <T> T withLock(String widgetId, Supplier<T> work) {
    ReentrantLock lock = locks[Math.floorMod(widgetId.hashCode(), STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits a random few milliseconds, growing with the attempt, before another try after a lost
   * race, so racing processes do not keep colliding.
   *
   * @throws StoreConflictException when interrupted (the interrupt flag is kept)
   */
  public static void pauseAfterLostRace(String widgetId, int attempt) {
    if (attempt <= 1) {
      return; // the first lost race is usually just a stale cached copy: read and go again
    }
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L << Math.min(attempt, 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreConflictException(widgetId, attempt);
    }
  }
}
