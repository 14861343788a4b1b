package dev.widgetrequests.aws.store.conditional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.fold.WidgetFold;
import dev.widgetrequests.model.fold.WidgetHistory;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.StoreConflictException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The loop alone, over states in a map: what it reads, writes and remembers. */
class ConditionalWidgetStoreTest {
  private static final Provenance PROVENANCE = new Provenance("r", null, null);

  /** States in a map, a version each; counts its calls, and loses, refuses or fails on demand. */
  private static final class MapStore extends ConditionalWidgetStore<MapStore.State> {
    record State(WidgetHistory history, long version) implements Stored {}

    private static final State NONE = new State(WidgetHistory.EMPTY, 0);

    final Map<String, State> states = new ConcurrentHashMap<>();
    int reads;
    int writes;
    int unchanged;
    boolean otherWriterEveryTime;
    RuntimeException failNextWrite;

    MapStore() {
      super(NONE);
    }

    @Override
    protected State read(String widgetId) {
      reads++;
      return states.getOrDefault(widgetId, NONE);
    }

    @Override
    protected Write<State> write(String widgetId, Folded folded, State known, Provenance p) {
      writes++;
      if (failNextWrite != null) {
        RuntimeException failure = failNextWrite;
        failNextWrite = null;
        throw failure;
      }
      if (folded.widget() != null && folded.widget().label().equals("too large")) {
        return new Write.Refused<>("item too large");
      }
      State stored = states.getOrDefault(widgetId, NONE);
      if (otherWriterEveryTime) {
        states.put(widgetId, new State(stored.history(), stored.version() + 1));
      }
      if (stored.version() != known.version() || otherWriterEveryTime) {
        return new Write.LostRace<>();
      }
      State next = new State(folded.history(), known.version() + 1);
      states.put(widgetId, next);
      return new Write.Written<>(next);
    }

    @Override
    protected Optional<State> afterUnchanged(String widgetId, Provenance provenance) {
      unchanged++;
      return Optional.empty();
    }

    @Override
    public Optional<Widget> find(String widgetId) {
      return WidgetFold.current(states.getOrDefault(widgetId, NONE).history()).state();
    }

    /** Another process folds a request into the stored state. */
    void writtenElsewhere(KeyedRequest request) {
      State stored = states.getOrDefault(request.request().widgetId(), NONE);
      Folded folded = WidgetFold.fold(stored.history(), request);
      states.put(request.request().widgetId(), new State(folded.history(), stored.version() + 1));
    }
  }

  private final MapStore store = new MapStore();

  @Test
  void create_ofANewWidget_isOneWriteAndNoRead() {
    assertThat(store.apply(create("1", "L"), PROVENANCE)).isEqualTo(new StoreOutcome.Applied());
    assertThat(store.reads).isZero();
    assertThat(store.writes).isEqualTo(1);
  }

  @Test
  void update_ofAWidgetWrittenHere_writesOnItsRememberedStateWithoutReading() {
    store.apply(create("1", "L"), PROVENANCE);
    store.apply(update("2", "M"), PROVENANCE);
    assertThat(store.reads).isZero();
    assertThat(store.writes).isEqualTo(2);
    assertThat(store.find("w").orElseThrow().label()).isEqualTo("M");
  }

  @Test
  void lostRace_readsAgain_andFoldsTheRequestIntoTheOtherWritersState() {
    store.apply(create("1", "L"), PROVENANCE);
    store.writtenElsewhere(update("2", "M"));
    assertThat(store.apply(update("3", null, "red"), PROVENANCE))
        .isEqualTo(new StoreOutcome.Applied());
    assertThat(store.reads).isEqualTo(1);
    assertThat(store.writes).isEqualTo(3);
    Widget widget = store.find("w").orElseThrow();
    assertThat(widget.label()).isEqualTo("M");
    assertThat(widget.otherAttributes()).contains(new Attribute("colour", "red"));
  }

  @Test
  void applyAll_writesOnceForTheLot_andGivesEachRequestItsOutcome() {
    List<StoreOutcome> outcomes =
        store.applyAll(List.of(create("1", "L"), update("2", "M"), update("2", "M")), PROVENANCE);
    assertThat(outcomes.subList(0, 2))
        .containsExactly(new StoreOutcome.Applied(), new StoreOutcome.Applied());
    assertThat(outcomes.get(2)).isInstanceOf(StoreOutcome.Duplicate.class);
    assertThat(store.writes).isEqualTo(1);
  }

  @Test
  void applyAll_ofALotTheStoreRefuses_appliesEachByItself() {
    List<StoreOutcome> outcomes =
        store.applyAll(List.of(create("1", "L"), update("2", "too large")), PROVENANCE);
    assertThat(outcomes)
        .containsExactly(new StoreOutcome.Applied(), new StoreOutcome.Refused("item too large"));
    assertThat(store.find("w").orElseThrow().label()).isEqualTo("L");
  }

  @Test
  void aFailedWrite_forgetsTheRememberedState_soTheNextRequestReadsFirst() {
    store.apply(create("1", "L"), PROVENANCE);
    RuntimeException timedOut = new InfrastructureFailure.Transient("timed out", null);
    store.failNextWrite = timedOut;
    assertThatThrownBy(() -> store.apply(update("2", "M"), PROVENANCE)).isSameAs(timedOut);
    store.apply(update("2", "M"), PROVENANCE);
    assertThat(store.reads).isEqualTo(1);
    assertThat(store.find("w").orElseThrow().label()).isEqualTo("M");
  }

  @Test
  void aRequestThatChangesNothing_isNotWritten_andFinishesWhatAnEarlierWriteLeft() {
    store.apply(create("1", "L"), PROVENANCE);
    assertThat(store.apply(create("1", "L"), PROVENANCE))
        .isInstanceOf(StoreOutcome.Duplicate.class);
    assertThat(store.writes).isEqualTo(1);
    assertThat(store.unchanged).isEqualTo(1);
  }

  @Test
  void racesLostEveryTime_endInAConflict_afterTwentyFiveWrites() {
    store.otherWriterEveryTime = true;
    assertThatThrownBy(() -> store.apply(create("1", "L"), PROVENANCE))
        .isInstanceOf(StoreConflictException.class);
    assertThat(store.writes).isEqualTo(25);
  }

  private static KeyedRequest create(String key, String label) {
    return new KeyedRequest(
        key, new CreateWidget("r" + key, "w", "Sue Smith", label, "d", List.of()));
  }

  private static KeyedRequest update(String key, String label) {
    return update(key, label, null);
  }

  private static KeyedRequest update(String key, String label, String colour) {
    List<Attribute> attributes =
        colour == null ? List.of() : List.of(new Attribute("colour", colour));
    return new KeyedRequest(
        key, new UpdateWidget("r" + key, "w", "Sue Smith", label, null, attributes));
  }
}
