package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.source.Delivery;

/**
 * What the engine tells an observer as requests pass through it: metrics and progress lines listen
 * here, so the engine knows nothing of how they are shown. Calls come from many threads at once and
 * must return quickly; every method does nothing by default.
 */
public interface ConsumerEvents {
  /** An observer that ignores everything. */
  ConsumerEvents NONE = new ConsumerEvents() {};

  /** A delivery was taken from the source and queued behind its widget's lane. */
  default void dispatched(Delivery delivery) {}

  /** A worker began applying the delivery (it left its lane's backlog). */
  default void started(Delivery delivery) {}

  /** A transient failure is retried after a backoff. */
  default void retried(Delivery delivery, RuntimeException failure) {}

  /** The delivery reached its end; {@code parsed} tells its type. */
  default void finished(Delivery delivery, ParseResult parsed, Outcome outcome) {}

  /** The in-flight window changed: the store throttled (smaller) or kept up (larger). */
  default void window(int size) {}

  /** The delivery's lease in its source was extended while it was being applied. */
  default void heartbeat(Delivery delivery) {}
}
