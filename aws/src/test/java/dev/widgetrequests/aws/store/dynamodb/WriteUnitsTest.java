package dev.widgetrequests.aws.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.apply.Change;
import dev.widgetrequests.model.apply.RequestApplier;
import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.fold.HistoryJson;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.WidgetFold;
import dev.widgetrequests.model.fold.WidgetHistory;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the store's items cost in DynamoDB write units on a real producer run, by DynamoDB's
 * published sizing rules (docs/decisions/history-stored-once.md), beside a consumer that keeps no
 * history: the history must not make a request cost much more than the widget itself does.
 */
class WriteUnitsTest {
  private static final Path LIVE_RUN = Path.of("..", "fixtures", "live-producer-run");
  private static final Instant NOW = Instant.parse("2021-03-14T13:36:04.574Z");

  @Test
  void aRequest_costsAtMostAFifthMoreThanWithoutHistory_andUnder26WriteUnits() throws IOException {
    List<KeyedRequest> run = liveProducerRun();
    WidgetItem widgets = new WidgetItem("id");
    StateItem states = new StateItem(widgets);
    Map<String, WidgetHistory> histories = new HashMap<>();
    Map<String, Map<String, AttributeValue>> ours = new HashMap<>();
    Map<String, Map<String, AttributeValue>> naive = new HashMap<>();
    double ourUnits = 0;
    double naiveUnits = 0;
    double plainUnits = 0;
    Map<String, Map<String, AttributeValue>> plainHistory = new HashMap<>();
    for (int i = 0; i < run.size(); i++) {
      KeyedRequest request = run.get(i);
      Instant now = NOW.plusMillis(i);
      String id = request.request().widgetId();
      Folded folded = WidgetFold.fold(histories.getOrDefault(id, WidgetHistory.EMPTY), request);
      if (folded.changed()) {
        histories.put(id, folded.history());
        var item = states.toItem(id, folded, 1, request.request().requestId(), now);
        ourUnits += WriteUnits.put(ours.get(id), item);
        ours.put(id, item);
        var plain = new HashMap<>(item);
        plain.put(
            DynamoDbWidgetStore.HISTORY,
            AttributeValue.fromS(HistoryJson.toJson(folded.history())));
        plainUnits += WriteUnits.put(plainHistory.get(id), plain);
        plainHistory.put(id, plain);
      }
      var before = naive.get(id);
      var after = naive(widgets, request.request(), before, now);
      naiveUnits += after == null ? WriteUnits.delete(before) : WriteUnits.put(before, after);
      if (after == null) {
        naive.remove(id);
      } else {
        naive.put(id, after);
      }
    }
    double ourPerRequest = ourUnits / run.size();
    double naivePerRequest = naiveUnits / run.size();
    System.out.printf(
        "write units per request on the live producer run (%d requests): %.2f with history,"
            + " %.2f without, %.2f with the history as plain JSON%n",
        run.size(), ourPerRequest, naivePerRequest, plainUnits / run.size());

    assertThat(ourPerRequest).isLessThanOrEqualTo(2.6).isLessThanOrEqualTo(naivePerRequest * 1.2);
  }

  /** A consumer that applies each request as it comes and keeps nothing else. */
  private static Map<String, AttributeValue> naive(
      WidgetItem widgets, WidgetRequest request, Map<String, AttributeValue> before, Instant now) {
    Optional<Widget> current = Optional.ofNullable(before).map(widgets::fromItem);
    return switch (RequestApplier.apply(request, current)) {
      case Change.Put put -> widgets.toItem(put.widget(), request.requestId(), now);
      case Change.Remove remove -> null;
      case Change.Skip skip -> before;
    };
  }

  private static List<KeyedRequest> liveProducerRun() throws IOException {
    RequestParser parser = new RequestParser();
    try (Stream<Path> files = Files.list(LIVE_RUN)) {
      return files.sorted().map(file -> keyed(parser, file)).flatMap(Optional::stream).toList();
    }
  }

  private static Optional<KeyedRequest> keyed(RequestParser parser, Path file) {
    try {
      String body = Files.readString(file, StandardCharsets.UTF_8);
      return parser.parse(body) instanceof ParseResult.Valid valid
          ? Optional.of(new KeyedRequest(file.getFileName().toString(), valid.request()))
          : Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
