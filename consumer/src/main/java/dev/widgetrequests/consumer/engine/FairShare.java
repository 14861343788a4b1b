package dev.widgetrequests.consumer.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one widget from holding the engine's permits: a widget's lane holds at most {@code share}
 * of them; a delivery that arrives beyond that waits in its lane without one (parked), and takes
 * the permit of the lane's next delivery to end. Parked deliveries keep their place in the lane, so
 * the widget's order holds and none is sent back to the source. How many may be parked is bounded:
 * when full, the poll loops wait (docs/design/consumer.md, "Fair lanes").
 */
final class FairShare {
  private final Semaphore permits;
  private final int share;
  private final int maxParked;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition room = lock.newCondition();
  private final Map<String, Lane> lanes = new HashMap<>();
  private int parked;

  /** What one widget's lane holds: deliveries with a permit, and parked ones without. */
  private static final class Lane {
    int holding;
    int parked;
  }

  FairShare(Semaphore permits, int share, int maxParked) {
    this.permits = permits;
    this.share = share;
    this.maxParked = maxParked;
  }

  /**
   * The share for {@code concurrency} permits: an eighth, so eight hot widgets still leave room.
   */
  static FairShare of(Semaphore permits, int concurrency) {
    return new FairShare(permits, Math.max(1, concurrency / 8), 8 * concurrency);
  }

  /** A delivery holding one permit joins its widget's lane; beyond the share it gives it back. */
  void joined(String widgetId) {
    lock.lock();
    try {
      Lane lane = lanes.computeIfAbsent(widgetId, id -> new Lane());
      if (lane.holding < share) {
        lane.holding++;
        return;
      }
      lane.parked++;
      parked++;
    } finally {
      lock.unlock();
    }
    permits.release();
  }

  /**
   * A delivery of the widget's lane ended: its permit goes to a parked delivery of the same lane if
   * there is one, else back to the engine. A delivery in no lane ({@code null}) returns its own.
   */
  void ended(String widgetId) {
    if (widgetId != null && keptInLane(widgetId)) {
      return;
    }
    permits.release();
  }

  private boolean keptInLane(String widgetId) {
    lock.lock();
    try {
      Lane lane = lanes.get(widgetId);
      if (lane == null) {
        return false;
      }
      if (lane.parked > 0) {
        lane.parked--;
        parked--;
        room.signalAll();
        return true;
      }
      if (--lane.holding == 0) {
        lanes.remove(widgetId);
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Waits while the parked deliveries are at their bound, so nothing more is taken meanwhile. */
  void awaitRoom() throws InterruptedException {
    lock.lock();
    try {
      while (parked >= maxParked) {
        room.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /** How many deliveries wait in their lanes without a permit. */
  int parked() {
    lock.lock();
    try {
      return parked;
    } finally {
      lock.unlock();
    }
  }
}
