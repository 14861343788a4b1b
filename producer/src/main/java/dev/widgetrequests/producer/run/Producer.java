package dev.widgetrequests.producer.run;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.producer.generate.RequestGenerator;
import dev.widgetrequests.producer.key.RequestKeys;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import dev.widgetrequests.producer.sink.RequestSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One production run: requests from a {@link RequestGenerator} seeded from the settings, keyed by
 * {@link RequestKeys}, into a {@link RequestSink}, until the request limit, the runtime limit or
 * {@link #stop()}. Everything handed to the sink is stored (or the run reports the failure) before
 * {@link #run()} returns.
 */
public final class Producer {
  private static final Logger log = LoggerFactory.getLogger(Producer.class);

  private final RequestSink sink;
  private final ProducerSettings settings;
  private final Clock clock;
  private final Progress progress;
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  public Producer(RequestSink sink, ProducerSettings settings, Clock clock, Progress progress) {
    this.sink = sink;
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
  }

  /** Asks a run to stop after the request in hand; safe from any thread, e.g. a signal handler. */
  public void stop() {
    stopRequested.countDown();
  }

  public ProductionSummary run() {
    RequestGenerator generator = RequestGenerator.seeded(settings.seed());
    RequestKeys keys = new RequestKeys(clock);
    long start = clock.millis();
    try (Dispatcher dispatcher = Dispatcher.forSink(sink, settings.interRequestDelay().isZero())) {
      StopReason reason = produce(generator, keys, dispatcher, start);
      dispatcher.flush();
      progress.finish();
      RuntimeException failure = dispatcher.failure();
      return new ProductionSummary(
          dispatcher.sent().counts(),
          Duration.ofMillis(clock.millis() - start),
          settings.seed(),
          failure == null ? reason : StopReason.FAILED,
          failure == null ? null : String.valueOf(failure.getMessage()));
    }
  }

  private StopReason produce(
      RequestGenerator generator, RequestKeys keys, Dispatcher dispatcher, long start) {
    for (long produced = 0; ; produced++) {
      Optional<StopReason> reason = stopReason(produced, start, dispatcher);
      if (reason.isPresent()) {
        return reason.get();
      }
      WidgetRequest request = generator.next();
      String key = keys.next();
      dispatcher.submit(new OutgoingRequest(key, request, settings.typeNames().json(request)));
      log.debug(
          "produced {} request {} widget {} as {}",
          request.type(),
          request.requestId(),
          request.widgetId(),
          key);
      progress.update(dispatcher.sent().total(), Duration.ofMillis(clock.millis() - start));
      pause(start);
    }
  }

  private Optional<StopReason> stopReason(long produced, long start, Dispatcher dispatcher) {
    if (dispatcher.failure() != null) {
      return Optional.of(StopReason.FAILED);
    }
    if (stopRequested.getCount() == 0 || Thread.currentThread().isInterrupted()) {
      return Optional.of(StopReason.STOPPED);
    }
    if (produced >= settings.maxRequests()) {
      return Optional.of(StopReason.REQUEST_LIMIT);
    }
    if (remaining(start) <= 0) {
      return Optional.of(StopReason.RUNTIME_LIMIT);
    }
    return Optional.empty();
  }

  /** Milliseconds left before the runtime limit; {@code Long.MAX_VALUE} without a limit. */
  private long remaining(long start) {
    if (!settings.hasRuntimeLimit()) {
      return Long.MAX_VALUE;
    }
    return settings.maxRuntime().toMillis() - (clock.millis() - start);
  }

  /** The inter-request delay, cut short by a stop or the runtime limit. */
  private void pause(long start) {
    long delay = Math.min(settings.interRequestDelay().toMillis(), remaining(start));
    if (delay <= 0) {
      return;
    }
    try {
      stopRequested.await(delay, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
