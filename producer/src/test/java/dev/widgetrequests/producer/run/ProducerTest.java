package dev.widgetrequests.producer.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.producer.SuppliedClock;
import dev.widgetrequests.producer.generate.RequestGenerator;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import dev.widgetrequests.producer.sink.RequestSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProducerTest {
  private static final Clock CLOCK = SuppliedClock.fixed(1_615_728_964_574L);

  private static ProducerSettings asFastAsPossible(long requests, long seed) {
    return new ProducerSettings(requests, Duration.ZERO, Duration.ZERO, seed);
  }

  private static List<WidgetRequest> generated(long seed, long count) {
    RequestGenerator generator = RequestGenerator.seeded(seed);
    return Stream.generate(generator::next).limit(count).toList();
  }

  @Test
  void stopsAtTheRequestLimit_withEveryRequestStored() {
    RecordingSink sink = new RecordingSink(10);

    ProductionSummary summary =
        new Producer(sink, asFastAsPossible(250, 1), CLOCK, Progress.none()).run();

    assertThat(summary.stopReason()).isEqualTo(StopReason.REQUEST_LIMIT);
    assertThat(summary.sent().total()).isEqualTo(250);
    assertThat(sink.byKey()).hasSize(250);
    assertThat(summary.seed()).isEqualTo(1);
  }

  @Test
  void keyOrder_isProductionOrder_evenWithParallelBatches() {
    RecordingSink sink = new RecordingSink(10);

    new Producer(sink, asFastAsPossible(2_000, 2), CLOCK, Progress.none()).run();

    assertThat(sink.byKey())
        .extracting(OutgoingRequest::request)
        .containsExactlyElementsOf(generated(2, 2_000));
  }

  @Test
  void hundredThousandRequestsAtNoDelay_getDistinctKeysInProductionOrder() {
    Map<String, String> requestIdsByKey = new ConcurrentHashMap<>();
    RequestSink keysOnly =
        new RecordingSink(10) {
          @Override
          public void send(List<OutgoingRequest> batch) {
            batch.forEach(r -> requestIdsByKey.put(r.key(), r.request().requestId()));
          }
        };

    ProductionSummary summary =
        new Producer(keysOnly, asFastAsPossible(100_000, 9), Clock.systemUTC(), Progress.none())
            .run();

    assertThat(summary.sent().total()).isEqualTo(100_000);
    assertThat(requestIdsByKey).hasSize(100_000);
    assertThat(new TreeMap<>(requestIdsByKey).values())
        .containsExactlyElementsOf(
            generated(9, 100_000).stream().map(WidgetRequest::requestId).toList());
  }

  @Test
  void bodies_areTheRequestsAsJson_andTheSameSeedGivesTheSameBodies() {
    RecordingSink first = new RecordingSink(1);
    RecordingSink second = new RecordingSink(1);

    new Producer(first, asFastAsPossible(300, 3), CLOCK, Progress.none()).run();
    new Producer(second, asFastAsPossible(300, 3), CLOCK, Progress.none()).run();

    assertThat(first.byKey()).allMatch(r -> r.body().equals(WidgetJson.toJson(r.request())));
    assertThat(first.byKey())
        .extracting(OutgoingRequest::body)
        .containsExactlyElementsOf(second.byKey().stream().map(OutgoingRequest::body).toList());
  }

  @Test
  void withADelay_sendsOneRequestAtATime() {
    RecordingSink sink = new RecordingSink(10);
    ProducerSettings settings = new ProducerSettings(5, Duration.ofMillis(1), Duration.ZERO, 4);

    new Producer(sink, settings, CLOCK, Progress.none()).run();

    assertThat(sink.batches()).hasSize(5).allMatch(batch -> batch.size() == 1);
  }

  @Test
  void maxRuntime_endsTheRunFirst_whenItComesFirst() {
    AtomicLong millis = new AtomicLong(1_615_728_964_574L);
    Clock ticking = new SuppliedClock(millis::incrementAndGet);
    ProducerSettings settings =
        new ProducerSettings(1_000_000, Duration.ZERO, Duration.ofMillis(500), 5);

    ProductionSummary summary =
        new Producer(new RecordingSink(10), settings, ticking, Progress.none()).run();

    assertThat(summary.stopReason()).isEqualTo(StopReason.RUNTIME_LIMIT);
    assertThat(summary.sent().total()).isBetween(1L, 500L);
  }

  @Test
  void stop_endsTheRun_withEverythingInFlightStored() {
    AtomicReference<Producer> producer = new AtomicReference<>();
    AtomicLong stored = new AtomicLong();
    RecordingSink sink =
        new RecordingSink(
            1,
            batch -> {
              if (stored.addAndGet(batch.size()) == 100) {
                producer.get().stop();
              }
            });
    producer.set(new Producer(sink, asFastAsPossible(1_000_000, 6), CLOCK, Progress.none()));

    ProductionSummary summary = producer.get().run();

    assertThat(summary.stopReason()).isEqualTo(StopReason.STOPPED);
    assertThat(summary.sent().total()).isEqualTo(sink.byKey().size()).isLessThan(1_000_000);
  }

  @Test
  void aFailedSend_endsTheRun_andIsReported() {
    RecordingSink sink =
        new RecordingSink(
            1,
            batch -> {
              if (batch.getFirst().key().contains("-0049-")) {
                throw new IllegalStateException("queue gone");
              }
            });

    ProductionSummary summary =
        new Producer(sink, asFastAsPossible(1_000, 7), CLOCK, Progress.none()).run();

    assertThat(summary.failed()).isTrue();
    assertThat(summary.failure()).isEqualTo("queue gone");
    assertThat(summary.sent().total()).isEqualTo(sink.byKey().size()).isLessThan(1_000);
  }

  @Test
  void progress_isUpdatedForEveryRequest_andFinishedOnce() {
    AtomicLong updates = new AtomicLong();
    AtomicLong finishes = new AtomicLong();
    Progress progress =
        new Progress() {
          @Override
          public void update(long sent, Duration elapsed) {
            updates.incrementAndGet();
          }

          @Override
          public void finish() {
            finishes.incrementAndGet();
          }
        };

    new Producer(new RecordingSink(1), asFastAsPossible(40, 8), CLOCK, progress).run();

    assertThat(updates).hasValue(40);
    assertThat(finishes).hasValue(1);
  }
}
