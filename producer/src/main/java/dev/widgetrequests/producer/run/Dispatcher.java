package dev.widgetrequests.producer.run;

import dev.widgetrequests.producer.sink.OutgoingRequest;
import dev.widgetrequests.producer.sink.RequestSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands requests to a sink in batches: a fixed set of sender loops on virtual threads take batches
 * from a queue and send them, as many at once as there are loops, while the producing thread fills
 * the queue (at most twice as many batches as loops are waiting or in flight). Where the sink keeps
 * widget order ({@link RequestSink#keepsWidgetOrder()}), two requests for the same widget are never
 * in flight together: a batch holding a request for a widget still in flight is sent once that one
 * is stored, without holding up the producing thread. A consumer reading while we write may see
 * different widgets' requests out of key order, but each widget's requests in production order,
 * which is all that applying them needs. Used by one producing thread.
 */
final class Dispatcher implements AutoCloseable {
  /** In-flight batches when requests go out as fast as possible. */
  static final int MAX_IN_FLIGHT = 32;

  /** What a sender loop takes: a batch, the batches it must wait for, and its own completion. */
  private record Pending(
      List<OutgoingRequest> outgoing,
      CompletableFuture<?>[] earlier,
      CompletableFuture<Void> done) {
    static final Pending STOP = new Pending(List.of(), new CompletableFuture<?>[0], null);
  }

  private final RequestSink sink;
  private final int batchSize;
  private final int senders;
  private final int maxQueued;
  private final boolean keepWidgetOrder;
  private final Semaphore permits;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, CompletableFuture<Void>> widgetsInFlight = new ConcurrentHashMap<>();
  private final Tally sent = new Tally();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private List<OutgoingRequest> batch = new ArrayList<>();
  private List<CompletableFuture<Void>> waitFor = new ArrayList<>();

  Dispatcher(RequestSink sink, int batchSize, int maxInFlight) {
    if (batchSize < 1 || batchSize > sink.maxBatchSize() || maxInFlight < 1) {
      throw new IllegalArgumentException("batch size or in-flight limit out of range");
    }
    this.sink = sink;
    this.batchSize = batchSize;
    this.senders = maxInFlight;
    this.maxQueued = 2 * maxInFlight;
    this.keepWidgetOrder = sink.keepsWidgetOrder();
    this.permits = new Semaphore(maxQueued);
    for (int i = 0; i < senders; i++) {
      threads.execute(this::sendLoop);
    }
  }

  /** Full batches, in parallel, with no delay between requests; one at a time otherwise. */
  static Dispatcher forSink(RequestSink sink, boolean noDelay) {
    return noDelay
        ? new Dispatcher(sink, sink.maxBatchSize(), MAX_IN_FLIGHT)
        : new Dispatcher(sink, 1, 1);
  }

  void submit(OutgoingRequest request) {
    CompletableFuture<Void> earlier =
        keepWidgetOrder ? widgetsInFlight.get(request.request().widgetId()) : null;
    if (earlier != null) {
      // Not a wait here: the batch goes out once the earlier one is stored.
      waitFor.add(earlier);
    }
    batch.add(request);
    if (batch.size() >= batchSize) {
      dispatch();
    }
  }

  /** Sends what is batched and waits until nothing is queued or in flight. */
  void flush() {
    if (!batch.isEmpty()) {
      dispatch();
    }
    permits.acquireUninterruptibly(maxQueued);
    permits.release(maxQueued);
  }

  Tally sent() {
    return sent;
  }

  /** The first send that failed for good, or {@code null}. */
  RuntimeException failure() {
    return failure.get();
  }

  private void dispatch() {
    List<OutgoingRequest> outgoing = List.copyOf(batch);
    CompletableFuture<?>[] earlier = waitFor.toArray(CompletableFuture<?>[]::new);
    batch = new ArrayList<>(batchSize);
    waitFor = new ArrayList<>();
    permits.acquireUninterruptibly();
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (keepWidgetOrder) {
      outgoing.forEach(request -> widgetsInFlight.put(request.request().widgetId(), done));
    }
    queue.add(new Pending(outgoing, earlier, done));
  }

  /**
   * Takes batches in the order they were queued; one that must wait for earlier ones waits here,
   * and those were taken before it, so they are on their way.
   */
  private void sendLoop() {
    while (true) {
      Pending pending;
      try {
        pending = queue.take();
      } catch (InterruptedException stopped) {
        return;
      }
      if (pending == Pending.STOP) {
        return;
      }
      CompletableFuture.allOf(pending.earlier()).handle((ignored, failed) -> null).join();
      send(pending.outgoing(), pending.done());
    }
  }

  private void send(List<OutgoingRequest> outgoing, CompletableFuture<Void> done) {
    try {
      sink.send(outgoing);
      sent.add(outgoing);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      if (keepWidgetOrder) {
        outgoing.forEach(request -> widgetsInFlight.remove(request.request().widgetId(), done));
      }
      done.complete(null);
      permits.release();
    }
  }

  /** Ends the sender loops once what is queued has been sent. */
  @Override
  public void close() {
    for (int i = 0; i < senders; i++) {
      queue.add(Pending.STOP);
    }
    threads.close();
  }
}
