package dev.widgetrequests.producer.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DispatcherTest {

  private static OutgoingRequest request(int i, String widgetId) {
    return new OutgoingRequest(
        "key-%05d".formatted(i), new DeleteWidget("request-" + i, widgetId, "Sue Smith"), "{}");
  }

  private static void submitAll(Dispatcher dispatcher, List<OutgoingRequest> requests) {
    requests.forEach(dispatcher::submit);
    dispatcher.flush();
  }

  @Test
  void noDelay_sendsFullBatches_andFlushSendsTheRest() {
    RecordingSink sink = new RecordingSink(10);
    try (Dispatcher dispatcher = Dispatcher.forSink(sink, true)) {
      submitAll(dispatcher, IntStream.range(0, 25).mapToObj(i -> request(i, "w" + i)).toList());

      assertThat(sink.batches()).extracting(List::size).containsExactlyInAnyOrder(10, 10, 5);
      assertThat(dispatcher.sent().counts()).isEqualTo(new Counts(0, 0, 25));
    }
  }

  @Test
  void withADelay_sendsOneRequestAtATime() {
    RecordingSink sink = new RecordingSink(10);
    try (Dispatcher dispatcher = Dispatcher.forSink(sink, false)) {
      submitAll(dispatcher, IntStream.range(0, 5).mapToObj(i -> request(i, "w" + i)).toList());

      assertThat(sink.batches()).hasSize(5).allMatch(batch -> batch.size() == 1);
    }
  }

  @Test
  void requestsForOneWidget_areNeverInFlightTogether() {
    RecordingSink sink = new RecordingSink(1, batch -> pause());
    try (Dispatcher dispatcher = new Dispatcher(sink, 1, Dispatcher.MAX_IN_FLIGHT)) {
      submitAll(
          dispatcher, IntStream.range(0, 400).mapToObj(i -> request(i, "w" + i % 5)).toList());

      assertThat(sink.byKey()).hasSize(400);
      assertThat(sink.sawOneWidgetInFlightTwice()).isFalse();
    }
  }

  @Test
  void sinkThatKeepsNoWidgetOrder_sendsOneWidgetsRequestsSideBySide() {
    RecordingSink sink = new RecordingSink(1, batch -> pause(), false);
    try (Dispatcher dispatcher = new Dispatcher(sink, 1, Dispatcher.MAX_IN_FLIGHT)) {
      submitAll(
          dispatcher, IntStream.range(0, 400).mapToObj(i -> request(i, "w" + i % 5)).toList());

      assertThat(sink.byKey()).hasSize(400);
      assertThat(sink.sawOneWidgetInFlightTwice()).isTrue();
    }
  }

  @Test
  void failedSend_isReported_andTheOtherBatchesStillCount() {
    RecordingSink sink =
        new RecordingSink(
            1,
            batch -> {
              if (batch.getFirst().key().equals("key-00003")) {
                throw new IllegalStateException("bucket on fire");
              }
            });
    try (Dispatcher dispatcher = Dispatcher.forSink(sink, true)) {
      submitAll(dispatcher, IntStream.range(0, 10).mapToObj(i -> request(i, "w" + i)).toList());

      assertThat(dispatcher.failure()).hasMessage("bucket on fire");
      assertThat(dispatcher.sent().total()).isEqualTo(9);
    }
  }

  /** Keeps a send in flight long enough for others to start meanwhile. */
  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
