package dev.widgetrequests.aws.store.conditional;

import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.fold.WidgetHistory;
import dev.widgetrequests.model.store.FoldedBatch;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.StoreConflictException;
import dev.widgetrequests.model.store.WidgetStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The loop both AWS stores share: under the widget's lock, take its state from the cache (or read
 * it), fold the requests in ({@link FoldedBatch}), write the result on the condition that the
 * stored state is still the one folded, and on a lost race read again and fold the whole lot again
 * (docs/design/stores.md, "One loop, two backends"). A store gives the primitives: {@link #read},
 * {@link #write}, and when it derives something from the state, {@link #afterWrite} and {@link
 * #afterUnchanged}. Each primitive translates the SDK's exceptions itself, so this loop sees only
 * the model's failures.
 *
 * <p>It lives in module {@code aws}, not beside the port in {@code model}: its cache, locks and
 * retries are the adapters' business, and the model keeps only the pure fold.
 *
 * @param <S> a widget's state as the store keeps it: its history, and what the write's condition
 *     needs (a version, an ETag)
 */
public abstract class ConditionalWidgetStore<S extends ConditionalWidgetStore.Stored>
    implements WidgetStore {

  /** A widget's state as stored: its history, and whatever its next write is conditional on. */
  public interface Stored {
    WidgetHistory history();
  }

  /** What a conditional write came to; a failure of the store is thrown, translated. */
  public sealed interface Write<T> {
    /** Stored: the state as it is stored now (its new version, its new ETag). */
    record Written<T>(T state) implements Write<T> {}

    /** Another writer changed the state since it was read: nothing was stored. */
    record LostRace<T>() implements Write<T> {}

    /** The store can never hold this state (e.g. an item too large): nothing was stored. */
    record Refused<T>(String reason) implements Write<T> {}
  }

  private static final int MAX_ATTEMPTS = 25;

  private final S none;
  private final WidgetLocks locks = new WidgetLocks();
  private final StateCache<S> cache = StateCache.ofHistories(Stored::history);

  /**
   * @param none the state of a widget the store has never held
   */
  protected ConditionalWidgetStore(S none) {
    this.none = Objects.requireNonNull(none, "none");
  }

  @Override
  public final StoreOutcome apply(KeyedRequest request, Provenance provenance) {
    return applyAll(List.of(request), provenance).getFirst();
  }

  /**
   * Folds the requests into the widget's state one after the other and writes the result once,
   * conditionally; a lost race reads again and folds the whole lot again (docs/design/consumer.md,
   * "Coalescing in the lane").
   */
  @Override
  public final List<StoreOutcome> applyAll(List<KeyedRequest> requests, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    String id = FoldedBatch.widgetOf(requests);
    List<StoreOutcome> outcomes = locks.withLock(id, () -> applyLocked(id, requests, provenance));
    // Which request the store refused is not known for a lot: apply each by itself instead.
    if (requests.size() > 1 && outcomes.stream().anyMatch(StoreOutcome.Refused.class::isInstance)) {
      return requests.stream().map(request -> apply(request, provenance)).toList();
    }
    return outcomes;
  }

  private List<StoreOutcome> applyLocked(
      String id, List<KeyedRequest> requests, Provenance provenance) {
    S known =
        cache
            .get(id)
            // A new widget's history starts with its create: try that before reading anything.
            .orElseGet(
                () -> requests.getFirst().request() instanceof CreateWidget ? none : read(id));
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      FoldedBatch batch = FoldedBatch.fold(known.history(), requests);
      if (!batch.changed()) {
        afterUnchanged(id, provenance).ifPresent(settled -> cache.put(id, settled));
        return batch.outcomes();
      }
      switch (tryWrite(id, batch.last(), known, provenance)) {
        case Write.Written<S>(S written) -> {
          settle(id, written, provenance);
          return batch.outcomes();
        }
        case Write.LostRace<S> lost -> {
          WidgetLocks.pauseAfterLostRace(id, attempt);
          known = read(id);
        }
        case Write.Refused<S>(String reason) -> {
          return requests.stream()
              .map(request -> (StoreOutcome) new StoreOutcome.Refused(reason))
              .toList();
        }
      }
    }
    cache.forget(id);
    throw new StoreConflictException(id, MAX_ATTEMPTS);
  }

  /** A write that failed forgets the cached state: the store may hold it now, or not. */
  private Write<S> tryWrite(String id, Folded folded, S known, Provenance provenance) {
    try {
      return write(id, folded, known, provenance);
    } catch (RuntimeException failure) {
      cache.forget(id);
      throw failure;
    }
  }

  private void settle(String id, S written, Provenance provenance) {
    cache.put(id, written); // remembered even when the step after the write fails
    S settled = afterWrite(id, written, provenance);
    if (settled != written) {
      cache.put(id, settled); // a newer state the step came across
    }
  }

  /** The widget's state as stored now, read consistently; the store's "none" when it has none. */
  protected abstract S read(String widgetId);

  /**
   * Stores the folded history, on the condition that the stored state is still {@code known}.
   *
   * @param provenance where the last of the folded requests came from
   */
  protected abstract Write<S> write(String widgetId, Folded folded, S known, Provenance provenance);

  /**
   * After a write: makes what the store derives from the state match it. Nothing by default.
   *
   * @return the state to remember from now on: {@code written}, or a newer one met on the way
   */
  protected S afterWrite(String widgetId, S written, Provenance provenance) {
    return written;
  }

  /**
   * When the requests changed nothing, so nothing was written: finishes what an earlier write may
   * have left undone. Nothing by default.
   *
   * @return the state to remember from now on, when the step read one
   */
  protected Optional<S> afterUnchanged(String widgetId, Provenance provenance) {
    return Optional.empty();
  }
}
