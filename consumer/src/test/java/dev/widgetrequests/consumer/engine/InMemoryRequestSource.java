package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.Redelivery;
import dev.widgetrequests.model.source.RequestSource;
import dev.widgetrequests.model.source.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A request source in memory, keyed like a bucket: smallest key first. */
final class InMemoryRequestSource implements RequestSource<Delivery> {
  private final TreeMap<String, String> pending = new TreeMap<>();
  private final Map<String, String> inFlight = new LinkedHashMap<>();
  final Map<String, String> deadLetters = new LinkedHashMap<>();
  final List<String> acknowledged = new ArrayList<>();
  int releases;
  int polls;

  /** How many of the next polls throw a plain runtime exception (a bug, not an SDK failure). */
  int failingPolls;

  /** Thrown by every poll when set: the queue is gone, access is denied. */
  volatile RuntimeException pollFailure;

  /** Keys whose resolve fails (a pointer fetch that fails). */
  final Set<String> failResolve = ConcurrentHashMap.newKeySet();

  /** Keys whose object is gone when resolved (another consumer took it). */
  final Set<String> goneOnResolve = ConcurrentHashMap.newKeySet();

  /** Keys whose object can never be a request (too large). */
  final Set<String> refuseOnResolve = ConcurrentHashMap.newKeySet();

  /** Keys whose acknowledge waits 100 ms and then fails for good. */
  final Set<String> failAcknowledge = ConcurrentHashMap.newKeySet();

  final List<String> releasedBehind = new ArrayList<>();
  final List<String> givenBack = new ArrayList<>();

  synchronized void add(String key, String body) {
    pending.put(key, body);
  }

  @Override
  public synchronized List<Delivery> poll() throws InterruptedException {
    polls++;
    if (pollFailure != null) {
      throw pollFailure;
    }
    if (failingPolls > 0) {
      failingPolls--;
      throw new IllegalStateException("poll bug " + polls);
    }
    List<Delivery> batch = new ArrayList<>();
    while (!pending.isEmpty() && batch.size() < 10) {
      var entry = pending.pollFirstEntry();
      inFlight.put(entry.getKey(), entry.getValue());
      batch.add(new Item(entry.getKey(), entry.getValue()));
    }
    if (batch.isEmpty()) {
      wait(5);
    }
    return batch;
  }

  @Override
  public Resolution<Delivery> resolve(Delivery delivery) {
    if (failResolve.contains(delivery.position())) {
      throw new InfrastructureFailure.Transient("object read failed", null);
    }
    if (goneOnResolve.contains(delivery.position())) {
      synchronized (this) {
        inFlight.remove(delivery.position()); // taken by another consumer
      }
      return new Resolution.Gone<>("taken by another consumer");
    }
    if (refuseOnResolve.contains(delivery.position())) {
      return new Resolution.Refused<>(delivery, "object over 256 KiB");
    }
    return new Resolution.Ready<>(delivery);
  }

  @Override
  public void acknowledge(Delivery delivery) {
    if (failAcknowledge.contains(delivery.position())) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("acknowledge refused");
    }
    acknowledged(delivery);
  }

  private synchronized void acknowledged(Delivery delivery) {
    inFlight.remove(delivery.position());
    acknowledged.add(delivery.position());
  }

  @Override
  public synchronized void deadLetter(Delivery delivery, String reason) {
    inFlight.remove(delivery.position());
    deadLetters.put(delivery.position(), reason);
  }

  @Override
  public synchronized void release(Delivery delivery, Redelivery<Delivery> when) {
    switch (when) {
      case Redelivery.Behind<Delivery> behind -> releasedBehind.add(delivery.position());
      case Redelivery.Now<Delivery> now -> givenBack.add(delivery.position());
      case Redelivery.Later<Delivery> later -> {}
    }
    inFlight.remove(delivery.position());
    pending.put(delivery.position(), delivery.body());
    releases++;
  }

  synchronized int remaining() {
    return pending.size() + inFlight.size();
  }

  @Override
  public String describe() {
    return "memory";
  }

  private record Item(String position, String body) implements Delivery {
    @Override
    public String orderKey() {
      return position;
    }
  }
}
