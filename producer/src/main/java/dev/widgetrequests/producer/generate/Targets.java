package dev.widgetrequests.producer.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The widgets created so far, for updates and deletes to name. Mostly a widget that still exists;
 * sometimes, like the course producer, one that was already deleted. Memory stays bounded on
 * endless runs: past the limits a random entry is forgotten.
 */
final class Targets {
  /** A widget and its owner: updates and deletes must name both. */
  record Target(String widgetId, String owner) {}

  static final int PERCENT_ALREADY_DELETED = 10;
  private static final int MAX_LIVE = 10_000;
  private static final int MAX_DELETED = 1_000;

  private final RandomGenerator random;
  private final List<Target> live = new ArrayList<>();
  private final List<Target> deleted = new ArrayList<>();

  Targets(RandomGenerator random) {
    this.random = random;
  }

  boolean isEmpty() {
    return live.isEmpty() && deleted.isEmpty();
  }

  void created(Target target) {
    add(live, target, MAX_LIVE);
  }

  /** A widget created earlier, to update. Requires {@code !isEmpty()}. */
  Target forUpdate() {
    return choose(false);
  }

  /** A widget created earlier, to delete; from now on it counts as deleted. */
  Target forDelete() {
    return choose(true);
  }

  private Target choose(boolean delete) {
    boolean stale =
        !deleted.isEmpty() && (live.isEmpty() || random.nextInt(100) < PERCENT_ALREADY_DELETED);
    if (stale) {
      return deleted.get(random.nextInt(deleted.size()));
    }
    int index = random.nextInt(live.size());
    Target target = live.get(index);
    if (delete) {
      removeAt(live, index);
      add(deleted, target, MAX_DELETED);
    }
    return target;
  }

  private void add(List<Target> targets, Target target, int max) {
    if (targets.size() == max) {
      removeAt(targets, random.nextInt(max));
    }
    targets.add(target);
  }

  /** Order does not matter here, so remove in constant time by moving the last entry in. */
  private static void removeAt(List<Target> targets, int index) {
    Target last = targets.removeLast();
    if (index < targets.size()) {
      targets.set(index, last);
    }
  }
}
