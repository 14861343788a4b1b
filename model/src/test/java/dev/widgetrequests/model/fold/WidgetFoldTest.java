package dev.widgetrequests.model.fold;

import static dev.widgetrequests.model.fold.Streams.JOHN;
import static dev.widgetrequests.model.fold.Streams.SUE;
import static dev.widgetrequests.model.fold.Streams.create;
import static dev.widgetrequests.model.fold.Streams.delete;
import static dev.widgetrequests.model.fold.Streams.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.Widget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WidgetFoldTest {
  private static final WidgetFold.Limits UNBOUNDED = new WidgetFold.Limits(1000, 1 << 30);

  static Stream<List<KeyedRequest>> smallStreams() {
    return Stream.of(
        // a refused create by another owner between a create and its update
        List.of(
            create("1", "a", SUE, "L"),
            create("2", "a", JOHN, "J"),
            update("3", "a", SUE, "", "red")),
        // re-created after a delete, then updated with null and "" fields
        List.of(
            create("1", "a", SUE, "L"),
            delete("2", "a", SUE),
            create("3", "a", JOHN, ""),
            update("4", "a", JOHN, null, ""),
            update("5", "a", SUE, "x", "blue")),
        // updates and a delete before any create, a delete by the wrong owner
        List.of(
            update("1", "a", SUE, "early", "c"),
            delete("2", "a", SUE),
            create("3", "a", SUE, "L"),
            delete("4", "a", JOHN),
            update("5", "a", SUE, "", null),
            update("6", "a", SUE, null, "green")),
        // two widgets interleaved
        List.of(
            create("1", "a", SUE, "A"),
            create("2", "b", JOHN, "B"),
            update("3", "b", SUE, "no", "no"),
            delete("4", "a", SUE),
            update("5", "b", JOHN, "", "red"),
            create("6", "a", SUE, "again")));
  }

  @ParameterizedTest
  @MethodSource("smallStreams")
  void fold_inEveryArrivalOrder_givesTheInOrderResult(List<KeyedRequest> stream) {
    var expected = Streams.inOrder(stream);
    for (List<KeyedRequest> arrivals : permutations(stream)) {
      assertThat(Streams.folded(arrivals, UNBOUNDED))
          .as("arrivals %s", keys(arrivals))
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("smallStreams")
  void fold_withAnyRequestArrivingTwice_givesTheInOrderResult(List<KeyedRequest> stream) {
    var expected = Streams.inOrder(stream);
    for (List<KeyedRequest> arrivals : permutations(stream)) {
      for (KeyedRequest again : stream) {
        for (int at = 0; at <= arrivals.size(); at++) {
          List<KeyedRequest> twice = new ArrayList<>(arrivals);
          twice.add(at, again);
          assertThat(Streams.folded(twice, UNBOUNDED))
              .as("arrivals %s", keys(twice))
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void fold_ofRandomStreamsShuffledWithDuplicates_givesTheInOrderResult() {
    Random random = new Random(20260201L);
    for (int run = 0; run < 3000; run++) {
      List<KeyedRequest> stream = Streams.random(random, 1 + random.nextInt(14));
      List<KeyedRequest> arrivals = new ArrayList<>(stream);
      for (int i = 0; i < stream.size() / 3; i++) {
        arrivals.add(stream.get(random.nextInt(stream.size())));
      }
      Collections.shuffle(arrivals, random);
      assertThat(Streams.folded(arrivals, UNBOUNDED))
          .as("run %d arrivals %s", run, keys(arrivals))
          .isEqualTo(Streams.inOrder(stream));
    }
  }

  @Test
  void fold_inOrderWithTinyLimits_compactsWithoutChangingTheResult() {
    Random random = new Random(7L);
    for (int run = 0; run < 500; run++) {
      List<KeyedRequest> stream = Streams.random(random, 1 + random.nextInt(20));
      assertThat(Streams.folded(stream, new WidgetFold.Limits(2, 1 << 30)))
          .isEqualTo(Streams.inOrder(stream));
      assertThat(Streams.folded(stream, new WidgetFold.Limits(64, 100)))
          .isEqualTo(Streams.inOrder(stream));
    }
  }

  @Test
  void fold_ofARequestOlderThanTheKeptHistory_isTooLate_andChangesNothing() {
    WidgetFold.Limits limits = new WidgetFold.Limits(2, 1 << 30);
    WidgetHistory history = WidgetHistory.EMPTY;
    for (KeyedRequest r :
        List.of(
            create("2", "a", SUE, "L"),
            update("3", "a", SUE, "M", null),
            update("4", "a", SUE, "N", null))) {
      history = WidgetFold.fold(history, r, limits).history();
    }
    assertThat(history.baseKey()).isEqualTo("2");
    assertThat(history.requests()).hasSize(2);

    Folded late = WidgetFold.fold(history, create("1", "a", JOHN, "late"), limits);

    assertThat(late.outcome()).isInstanceOf(StoreOutcome.TooLate.class);
    assertThat(((StoreOutcome.TooLate) late.outcome()).reason())
        .startsWith("too late")
        .contains("order key 1")
        .contains("folded up to 2");
    assertThat(late.changed()).isFalse();
    assertThat(late.history()).isSameAs(history);
    assertThat(late.state().orElseThrow().label()).isEqualTo("N");
  }

  @Test
  void fold_ofTheRequestFoldedLastIntoTheBase_isADuplicate() {
    WidgetFold.Limits limits = new WidgetFold.Limits(1, 1 << 30);
    WidgetHistory history =
        WidgetFold.fold(WidgetHistory.EMPTY, create("2", "a", SUE, "L")).history();
    history = WidgetFold.fold(history, update("3", "a", SUE, "M", null), limits).history();

    Folded again = WidgetFold.fold(history, create("2", "a", SUE, "L"), limits);

    assertThat(again.outcome()).isInstanceOf(StoreOutcome.Duplicate.class);
  }

  @Test
  void fold_ofARedeliveryOfARequestFoldedAwayRecently_isAProvenDuplicate() {
    WidgetFold.Limits limits = new WidgetFold.Limits(2, 1 << 30);
    WidgetHistory history = WidgetHistory.EMPTY;
    for (KeyedRequest r :
        List.of(
            create("1", "a", SUE, "L"),
            update("2", "a", SUE, "M", null),
            update("3", "a", SUE, "N", null),
            update("4", "a", SUE, "O", null))) {
      history = WidgetFold.fold(history, r, limits).history();
    }
    assertThat(history.baseKey()).isEqualTo("2");

    Folded again = WidgetFold.fold(history, create("1", "a", SUE, "L"), limits);
    Folded late = WidgetFold.fold(history, create("1", "a", SUE, "another"), limits);

    assertThat(again.outcome()).isInstanceOf(StoreOutcome.Duplicate.class);
    assertThat(late.outcome()).isInstanceOf(StoreOutcome.TooLate.class);
    assertThat(HistoryJson.fromJson(HistoryJson.toJson(history))).isEqualTo(history);
  }

  @Test
  void fold_ofTwoDifferentRequestsWithOneKey_appliesBoth_inTheSameOrderWhicheverComesFirst() {
    KeyedRequest red = update("5", "a", SUE, null, "red");
    KeyedRequest blue =
        new KeyedRequest(
            "5",
            new dev.widgetrequests.model.UpdateWidget(
                "other", "a", SUE, "B", null, List.of(new Attribute("shape", "round"))));
    KeyedRequest created = create("1", "a", SUE, "L");

    List<KeyedRequest> redFirst = List.of(created, red, blue);
    List<KeyedRequest> blueFirst = List.of(created, blue, red);
    var one = Streams.folded(redFirst, WidgetFold.Limits.DEFAULT);
    var other = Streams.folded(blueFirst, WidgetFold.Limits.DEFAULT);

    assertThat(one).isEqualTo(other).isEqualTo(Streams.inOrder(redFirst));
    Widget widget = one.get("a");
    assertThat(widget.label()).isEqualTo("B");
    assertThat(widget.otherAttributes()).extracting(Attribute::name).contains("colour", "shape");
  }

  @Test
  void fold_ofAFloodOfAnotherOwnersRequests_neverMakesTheOwnersLateRequestTooLate() {
    WidgetHistory history =
        WidgetFold.fold(WidgetHistory.EMPTY, create("0001", "a", SUE, "L")).history();
    for (int i = 0; i < 70; i++) {
      KeyedRequest foreign = update("%04d".formatted(100 + i), "a", JOHN, "mine", "black");
      history = WidgetFold.fold(history, foreign).history();
    }

    Folded late = WidgetFold.fold(history, update("0050", "a", SUE, "Sue's", "green"));

    assertThat(late.outcome()).isEqualTo(new StoreOutcome.Applied());
    assertThat(late.state().orElseThrow().label()).isEqualTo("Sue's");
    assertThat(late.history().basePosition()).isNull();
    assertThat(late.history().requests()).hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void fold_ofADuplicate_changesNothingAndSaysSo() {
    Folded first = WidgetFold.fold(WidgetHistory.EMPTY, create("1", "a", SUE, "L"));
    Folded again = WidgetFold.fold(first.history(), create("1", "a", SUE, "L"));

    assertThat(first.outcome()).isEqualTo(new StoreOutcome.Applied());
    assertThat(again.outcome()).isInstanceOf(StoreOutcome.Duplicate.class);
    assertThat(again.changed()).isFalse();
    assertThat(again.history()).isSameAs(first.history());
    assertThat(again.state()).isEqualTo(first.state());
  }

  @Test
  void fold_ofAnUpdateBeforeItsCreate_warnsThenTheLateCreateLetsItApply() {
    Folded update = WidgetFold.fold(WidgetHistory.EMPTY, update("2", "a", SUE, "U", "red"));
    Folded create = WidgetFold.fold(update.history(), create("1", "a", SUE, "L"));

    assertThat(update.outcome()).isInstanceOf(StoreOutcome.Warned.class);
    assertThat(update.state()).isEmpty();
    assertThat(create.outcome()).isEqualTo(new StoreOutcome.Applied());
    assertThat(create.state())
        .contains(
            new Widget(
                "a",
                SUE,
                "U",
                "d1",
                List.of(new Attribute("size", "1"), new Attribute("colour", "red"))));
    assertThat(create.lastChange().orderKey()).isEqualTo("2");
  }

  @Test
  void fold_ofAnotherWidgetsRequest_isRefused() {
    WidgetHistory history =
        WidgetFold.fold(WidgetHistory.EMPTY, create("1", "a", SUE, "L")).history();

    assertThatThrownBy(() -> WidgetFold.fold(history, create("2", "b", SUE, "L")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> keys(List<KeyedRequest> arrivals) {
    return arrivals.stream().map(KeyedRequest::orderKey).toList();
  }

  private static List<List<KeyedRequest>> permutations(List<KeyedRequest> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<KeyedRequest>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<KeyedRequest> rest = new ArrayList<>(items);
      KeyedRequest first = rest.remove(i);
      for (List<KeyedRequest> tail : permutations(rest)) {
        List<KeyedRequest> permutation = new ArrayList<>();
        permutation.add(first);
        permutation.addAll(tail);
        all.add(permutation);
      }
    }
    return all;
  }
}
