package dev.widgetrequests.bench;

import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import dev.widgetrequests.producer.sink.QueueSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One drain of a {@link HotWidgetStream} stream by the consumer process, every request queued
 * before it starts, timed from its first receive ({@link FirstReceive}) to its last request.
 *
 * @param run what was drained, for the table
 * @param drain the consumer's drain, timed from its first receive
 * @param othersStoredMillis from the first receive until the last other widget's create was stored,
 *     by the consumer's log; -1 when the stream has no other widgets or not all were stored
 * @param note what the reader should know beside the drain's own note
 */
record HotWidgetRun(String run, Drain drain, long othersStoredMillis, String note) {

  /** Queued: the stream on a fresh queue, with the table the consumer writes to. */
  record Queued(String run, Resources resources, List<WidgetRequest> requests, Prefill.Sent sent) {}

  /** Sends {@code requests} in order, ten a call, through the producer's queue sink. */
  static Queued queue(
      String run, Resources resources, BenchClients clients, List<WidgetRequest> requests) {
    QueueSink sink = new QueueSink(clients.sqs(), resources.queue().queueUrl());
    List<OutgoingRequest> keyed = HotWidgetStream.keyed(requests, Clock.systemUTC());
    for (int from = 0; from < keyed.size(); from += QueueSink.MAX_BATCH) {
      sink.send(keyed.subList(from, Math.min(keyed.size(), from + QueueSink.MAX_BATCH)));
    }
    return new Queued(run, resources, requests, new Prefill.Sent(keyed.size(), keyed));
  }

  static HotWidgetRun drain(
      Queued queued, BenchClients clients, BenchSettings settings, BenchProgress progress)
      throws IOException, InterruptedException {
    Path log = Files.createTempDirectory("widgets-bench").resolve("consumer.log");
    Drain drain;
    long firstReceive;
    try (FirstReceive receive = new FirstReceive(queued.resources().stack())) {
      drain =
          ConsumerProcess.drain(
              queued.resources(),
              queued.sent(),
              0,
              settings.consumerJvmOptions(),
              settings.consumerOptions(),
              log,
              receive::millis,
              progress);
      firstReceive = receive.millis();
    }
    Set<String> others = new HashSet<>(HotWidgetStream.otherIds(queued.requests()));
    List<String> notes = new ArrayList<>();
    long othersStored = -1;
    if (!others.isEmpty()) {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      OptionalLong within = StoredTimes.allStoredAfter(lines, others, firstReceive);
      othersStored = firstReceive > 0 && within.isPresent() ? within.getAsLong() : -1;
      if (othersStored < 0) {
        notes.add(
            "%d of %d other widgets stored by the log"
                .formatted(StoredTimes.of(lines, others).size(), others.size()));
      }
      lastUpdate(queued, clients).ifPresent(notes::add);
    }
    return new HotWidgetRun(queued.run(), drain, othersStored, String.join("; ", notes));
  }

  /** Says so when the hot widget does not end with its last update's label, as it should. */
  private static Optional<String> lastUpdate(Queued queued, BenchClients clients) {
    DynamoDbWidgetStore store =
        new DynamoDbWidgetStore(
            clients.dynamoDb(),
            queued.resources().table(),
            Resources.KEY_ATTRIBUTE,
            Clock.systemUTC());
    String expected = Integer.toString(HotWidgetStream.HOT_UPDATES);
    String label = store.find(HotWidgetStream.HOT_ID).map(Widget::label).orElse(null);
    return expected.equals(label)
        ? Optional.empty()
        : Optional.of("the hot widget's label is " + label + ", not " + expected);
  }
}
