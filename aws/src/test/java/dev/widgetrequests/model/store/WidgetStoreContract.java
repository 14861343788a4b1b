package dev.widgetrequests.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.apply.Replay;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WidgetStore} must do. Subclasses supply the store; each test uses its own
 * widget ids, so one store may serve the whole class.
 */
public abstract class WidgetStoreContract {
  protected static final String OWNER = "Mary Matthews";
  protected static final Provenance PROVENANCE =
      new Provenance("e80fab52-71a5-4a76-8c4d-11b66b83ca2a", Instant.now(), "1612306368338");
  private static final AtomicLong KEYS = new AtomicLong(System.currentTimeMillis() * 10_000);

  /** The store under test; the same instance for every call within a test. */
  protected abstract WidgetStore store();

  /**
   * Another store on the same data, like a second consumer process: its own cache and locks. The
   * same store unless the subclass can give one whose server writes conditionally and atomically.
   */
  protected WidgetStore secondStore() {
    return store();
  }

  /** How many calls the store's service has answered so far; empty for a store that makes none. */
  protected OptionalLong callsSoFar() {
    return OptionalLong.empty();
  }

  /** How many calls one write of a widget the store wrote last takes. */
  protected long callsPerWrite() {
    return 1;
  }

  /** A fresh order key, later than every key given before. */
  protected static String nextKey() {
    return Long.toString(KEYS.incrementAndGet());
  }

  protected static String newId() {
    return UUID.randomUUID().toString();
  }

  protected static Widget fullWidget(String id, String owner) {
    return new Widget(
        id,
        owner,
        "JWJYY",
        "THBRNVNQPYAWNHG",
        List.of(
            new Attribute("width-unit", "cm"),
            new Attribute("rating", "2.580677"),
            new Attribute("color", "blue"),
            new Attribute("note", "FEGYXHIJCTYNUMNMGZBE")));
  }

  protected static KeyedRequest create(String key, Widget widget) {
    return create(key, "c-" + key, widget);
  }

  protected static KeyedRequest create(String key, String requestId, Widget widget) {
    return new KeyedRequest(
        key,
        new CreateWidget(
            requestId,
            widget.id(),
            widget.owner(),
            widget.label(),
            widget.description(),
            widget.otherAttributes()));
  }

  protected static KeyedRequest update(
      String key, String id, String owner, String label, Attribute... attributes) {
    return new KeyedRequest(
        key, new UpdateWidget("u-" + key, id, owner, label, null, List.of(attributes)));
  }

  protected static KeyedRequest delete(String key, String id, String owner) {
    return new KeyedRequest(key, new DeleteWidget("d-" + key, id, owner));
  }

  protected StoreOutcome apply(KeyedRequest request) {
    return store().apply(request, PROVENANCE);
  }

  /** Stores the widget by a create with a fresh key. */
  protected void put(Widget widget) {
    assertThat(apply(create(nextKey(), widget))).isEqualTo(new StoreOutcome.Applied());
  }

  @Test
  void create_thenFind_returnsSameWidget() {
    Widget widget = fullWidget(newId(), OWNER);

    put(widget);

    assertThat(store().find(widget.id())).contains(widget);
  }

  @Test
  void create_keepsAttributeOrder() {
    List<Attribute> unsorted =
        List.of(new Attribute("zeta", "1"), new Attribute("alpha", "2"), new Attribute("mid", "3"));
    Widget widget = new Widget(newId(), OWNER, "L", "D", unsorted);

    put(widget);

    assertThat(store().find(widget.id()).orElseThrow().otherAttributes())
        .containsExactlyElementsOf(unsorted);
  }

  @Test
  void create_withEmptyStrings_keepsThemAsGiven() {
    Widget widget = new Widget(newId(), OWNER, "", "", List.of(new Attribute("note", "")));

    put(widget);

    assertThat(store().find(widget.id())).contains(widget);
  }

  @Test
  void create_withoutOptionalFields_findsThemAbsent() {
    Widget widget = new Widget(newId(), OWNER, null, null, List.of());

    put(widget);

    assertThat(store().find(widget.id())).contains(widget);
  }

  @Test
  void create_ofExistingWidget_replacesItWhole() {
    String id = newId();
    put(fullWidget(id, OWNER));
    Widget replacement = new Widget(id, OWNER, null, "NEW", List.of(new Attribute("size", "7")));

    put(replacement);

    assertThat(store().find(id)).contains(replacement);
  }

  @Test
  void create_forAnotherOwnersId_isWarnedAndChangesNothing() {
    Widget widget = fullWidget(newId(), OWNER);
    put(widget);

    StoreOutcome outcome = apply(create(nextKey(), fullWidget(widget.id(), "Sue Smith")));

    assertThat(outcome).isInstanceOf(StoreOutcome.Warned.class);
    assertThat(store().find(widget.id())).contains(widget);
  }

  @Test
  void update_withEmptyAndNullFields_removesAndKeeps() {
    Widget widget = fullWidget(newId(), OWNER);
    put(widget);

    StoreOutcome outcome =
        apply(
            update(
                nextKey(),
                widget.id(),
                OWNER,
                "",
                new Attribute("color", ""),
                new Attribute("size", "9")));

    assertThat(outcome).isEqualTo(new StoreOutcome.Applied());
    assertThat(store().find(widget.id()).orElseThrow())
        .isEqualTo(
            new Widget(
                widget.id(),
                OWNER,
                null,
                widget.description(),
                List.of(
                    new Attribute("width-unit", "cm"),
                    new Attribute("rating", "2.580677"),
                    new Attribute("note", "FEGYXHIJCTYNUMNMGZBE"),
                    new Attribute("size", "9"))));
  }

  @Test
  void delete_removesWidget_andLeavesOthersAlone() {
    Widget kept = fullWidget(newId(), OWNER);
    Widget deleted = fullWidget(newId(), OWNER);
    put(kept);
    put(deleted);

    assertThat(apply(delete(nextKey(), deleted.id(), OWNER))).isEqualTo(new StoreOutcome.Applied());

    assertThat(store().find(deleted.id())).isEmpty();
    assertThat(store().find(kept.id())).contains(kept);
  }

  @Test
  void delete_ofMissingWidget_isWarned() {
    String id = newId();

    assertThat(apply(delete(nextKey(), id, OWNER))).isInstanceOf(StoreOutcome.Warned.class);
    assertThat(store().find(id)).isEmpty();
  }

  @Test
  void find_missingWidget_isEmpty() {
    assertThat(store().find(newId())).isEmpty();
  }

  @Test
  void create_withUnicodeValues_roundTrips() {
    Widget widget =
        new Widget(
            newId(),
            OWNER,
            "Größe – 寸法",
            "emoji 🙂 and \"quotes\", back\\slash, tab\t, newline\n",
            List.of(new Attribute("größe", "日本語"), new Attribute("note", "ümlaut 🚀")));

    put(widget);

    assertThat(store().find(widget.id())).contains(widget);
  }

  @Test
  void create_withHundredAttributes_keepsThemAllInOrder() {
    List<Attribute> attributes = new ArrayList<>();
    IntStream.range(0, 100)
        .map(i -> (i * 37) % 100) // not in name order
        .forEach(i -> attributes.add(new Attribute("attribute-" + i, "value " + i)));
    Widget widget = new Widget(newId(), OWNER, "L", "D", attributes);

    put(widget);

    assertThat(store().find(widget.id()).orElseThrow().otherAttributes())
        .containsExactlyElementsOf(attributes);
  }

  @Test
  void create_ownerWithSpaces_isFound() {
    Widget widget = fullWidget(newId(), "Mary Ann  van Matthews");

    put(widget);

    assertThat(store().find(widget.id())).contains(widget);
  }

  @Test
  void create_ofTheLargestRequestTheHandlerAccepts_isStored_andStaysUpdatable() {
    List<Attribute> attributes = new ArrayList<>();
    for (int i = 0; i < RequestParser.MAX_ATTRIBUTES; i++) {
      String name = ("attribute-" + i + "-").repeat(30).substring(0, 255);
      attributes.add(new Attribute(name, Character.toString('a' + i % 26).repeat(1_000)));
    }
    Widget widget = new Widget(newId(), OWNER, "L".repeat(100), "D".repeat(100), attributes);
    KeyedRequest create = create(nextKey(), widget);
    String body = WidgetJson.toJson(create.request());
    assertThat(new RequestParser().parse(body)).isInstanceOf(ParseResult.Valid.class);
    assertThat(body.length()).isGreaterThan(250_000);

    assertThat(apply(create)).isEqualTo(new StoreOutcome.Applied());
    assertThat(apply(update(nextKey(), widget.id(), OWNER, "renamed")))
        .isEqualTo(new StoreOutcome.Applied());

    Widget stored = store().find(widget.id()).orElseThrow();
    assertThat(stored.label()).isEqualTo("renamed");
    assertThat(stored.otherAttributes()).isEqualTo(attributes);
  }

  @Test
  void twoDifferentRequestsWithOneKey_areBothApplied() {
    Widget widget = fullWidget(newId(), OWNER);
    put(widget);
    String key = nextKey();

    StoreOutcome first = apply(update(key, widget.id(), OWNER, null, new Attribute("a", "1")));
    StoreOutcome second = apply(update(key, widget.id(), OWNER, null, new Attribute("b", "2")));

    assertThat(first).isEqualTo(new StoreOutcome.Applied());
    assertThat(second).isEqualTo(new StoreOutcome.Applied());
    assertThat(store().find(widget.id()).orElseThrow().otherAttributes())
        .contains(new Attribute("a", "1"), new Attribute("b", "2"));
  }

  @Test
  void request_appliedTwice_isAppliedOnce() {
    Widget widget = fullWidget(newId(), OWNER);
    KeyedRequest create = create(nextKey(), widget);
    KeyedRequest rename = update(nextKey(), widget.id(), OWNER, "second");
    apply(create);
    apply(rename);
    put(new Widget(widget.id(), OWNER, "third", null, List.of()));

    assertThat(apply(rename)).isInstanceOf(StoreOutcome.Duplicate.class);
    assertThat(apply(create)).isInstanceOf(StoreOutcome.Duplicate.class);
    assertThat(store().find(widget.id()).orElseThrow().label()).isEqualTo("third");
  }

  @Test
  void update_arrivingBeforeItsCreate_isFoldedInWhenTheCreateComes() {
    Widget widget = fullWidget(newId(), OWNER);
    String createKey = nextKey();
    KeyedRequest update = update(nextKey(), widget.id(), OWNER, "later", new Attribute("x", "1"));

    assertThat(apply(update)).isInstanceOf(StoreOutcome.Warned.class);
    assertThat(store().find(widget.id())).isEmpty();
    assertThat(apply(create(createKey, widget))).isEqualTo(new StoreOutcome.Applied());

    Widget found = store().find(widget.id()).orElseThrow();
    assertThat(found.label()).isEqualTo("later");
    assertThat(found.otherAttributes()).endsWith(new Attribute("x", "1"));
  }

  @Test
  void create_arrivingAfterLaterDelete_leavesNoWidget() {
    String id = newId();
    String createKey = nextKey();
    apply(delete(nextKey(), id, OWNER));

    apply(create(createKey, fullWidget(id, OWNER)));

    assertThat(store().find(id)).isEmpty();
  }

  @Test
  void lateCreateByAnotherOwner_refusesTheLaterCreate() {
    String id = newId();
    String firstKey = nextKey();
    Widget later = fullWidget(id, OWNER);
    put(later);

    assertThat(apply(create(firstKey, fullWidget(id, "Sue Smith"))))
        .isEqualTo(new StoreOutcome.Applied());

    assertThat(store().find(id).orElseThrow().owner()).isEqualTo("Sue Smith");
  }

  @Test
  void concurrentAppliers_onOneWidget_loseNoChange() throws Exception {
    String id = newId();
    put(new Widget(id, OWNER, "L", null, List.of()));
    int threads = 4;
    int perThread = 10;
    List<KeyedRequest> updates = new ArrayList<>();
    for (int i = 0; i < threads * perThread; i++) {
      updates.add(update(nextKey(), id, OWNER, "L" + i, new Attribute("a" + i, "v" + i)));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  WidgetStore mine = thread % 2 == 0 ? store() : secondStore();
                  for (int i = thread; i < updates.size(); i += threads) {
                    mine.apply(updates.get(i), PROVENANCE);
                  }
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    }

    List<dev.widgetrequests.model.WidgetRequest> inOrder = new ArrayList<>();
    inOrder.add(new CreateWidget("c", id, OWNER, "L", null, List.of()));
    updates.forEach(u -> inOrder.add(u.request()));
    assertThat(store().find(id)).contains(Replay.of(inOrder).get(id));
  }

  /**
   * The same requests for any widget: a create, updates (one twice, one out of key order), an
   * update and a delete by another owner, and a create earlier than all of them.
   */
  private static List<KeyedRequest> mixedRequests(String id, List<String> keys) {
    Widget widget = fullWidget(id, OWNER);
    KeyedRequest rename = update(keys.get(2), id, OWNER, "renamed", new Attribute("a", "1"));
    return List.of(
        create(keys.get(1), widget),
        rename,
        update(keys.get(4), id, OWNER, null, new Attribute("b", "2")),
        rename,
        update(keys.get(3), id, OWNER, "between"),
        update(keys.get(5), id, "Sue Smith", "stolen"),
        delete(keys.get(6), id, "Sue Smith"),
        create(keys.get(0), fullWidget(id, OWNER)));
  }

  @Test
  void applyAll_givesTheSameOutcomesAndStateAsOneByOne() {
    List<String> keys = IntStream.range(0, 7).mapToObj(i -> nextKey()).toList();
    String oneByOne = newId();
    String together = newId();

    List<StoreOutcome> expected = mixedRequests(oneByOne, keys).stream().map(this::apply).toList();
    List<StoreOutcome> outcomes = store().applyAll(mixedRequests(together, keys), PROVENANCE);

    assertThat(expected)
        .as("the requests mean something: applied, duplicate and warned ones")
        .hasAtLeastOneElementOfType(StoreOutcome.Applied.class)
        .hasAtLeastOneElementOfType(StoreOutcome.Duplicate.class)
        .hasAtLeastOneElementOfType(StoreOutcome.Warned.class);
    assertThat(outcomes)
        .extracting(outcome -> outcome.toString().replace(together, "ID"))
        .isEqualTo(
            expected.stream().map(outcome -> outcome.toString().replace(oneByOne, "ID")).toList());
    Widget alone = store().find(oneByOne).orElseThrow();
    Widget folded = store().find(together).orElseThrow();
    assertThat(folded)
        .isEqualTo(
            new Widget(
                together,
                alone.owner(),
                alone.label(),
                alone.description(),
                alone.otherAttributes()));
    assertThat(folded.label()).isEqualTo("between");
  }

  @Test
  void applyAll_afterEarlierRequests_foldsIntoTheStoredHistory() {
    String id = newId();
    Widget widget = fullWidget(id, OWNER);
    KeyedRequest create = create(nextKey(), widget);
    KeyedRequest first = update(nextKey(), id, OWNER, "first");
    apply(create);
    apply(first);
    KeyedRequest later = update(nextKey(), id, OWNER, "later", new Attribute("x", "1"));

    List<StoreOutcome> outcomes =
        store().applyAll(List.of(first, later, create, later), PROVENANCE);

    assertThat(outcomes)
        .containsExactly(
            new StoreOutcome.Duplicate(((StoreOutcome.Duplicate) outcomes.get(0)).note()),
            new StoreOutcome.Applied(),
            new StoreOutcome.Duplicate(((StoreOutcome.Duplicate) outcomes.get(2)).note()),
            new StoreOutcome.Duplicate(((StoreOutcome.Duplicate) outcomes.get(3)).note()));
    Widget found = store().find(id).orElseThrow();
    assertThat(found.label()).isEqualTo("later");
    assertThat(found.otherAttributes()).endsWith(new Attribute("x", "1"));
    assertThat(secondStore().applyAll(List.of(later), PROVENANCE).getFirst())
        .isInstanceOf(StoreOutcome.Duplicate.class);
  }

  @Test
  void applyAll_ofOnlyDuplicates_changesNothing() {
    String id = newId();
    KeyedRequest create = create(nextKey(), fullWidget(id, OWNER));
    apply(create);

    assertThat(store().applyAll(List.of(create, create), PROVENANCE))
        .allMatch(StoreOutcome.Duplicate.class::isInstance)
        .hasSize(2);
    assertThat(store().find(id)).contains(fullWidget(id, OWNER));
  }

  @Test
  void applyAll_racingAnotherStore_losesNoChange() throws Exception {
    String id = newId();
    put(new Widget(id, OWNER, "L", null, List.of()));
    List<KeyedRequest> updates = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      updates.add(update(nextKey(), id, OWNER, "L" + i, new Attribute("a" + i, "v" + i)));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Future<?> evens =
          pool.submit(
              () -> {
                for (int i = 0; i < updates.size(); i += 6) {
                  store()
                      .applyAll(
                          List.of(updates.get(i), updates.get(i + 2), updates.get(i + 4)),
                          PROVENANCE);
                }
              });
      Future<?> odds =
          pool.submit(
              () -> {
                for (int i = 1; i < updates.size(); i += 6) {
                  secondStore()
                      .applyAll(
                          List.of(updates.get(i), updates.get(i + 2), updates.get(i + 4)),
                          PROVENANCE);
                }
              });
      evens.get();
      odds.get();
    }

    List<dev.widgetrequests.model.WidgetRequest> inOrder = new ArrayList<>();
    inOrder.add(new CreateWidget("c", id, OWNER, "L", null, List.of()));
    updates.forEach(u -> inOrder.add(u.request()));
    assertThat(store().find(id)).contains(Replay.of(inOrder).get(id));
  }

  @Test
  void applyAll_ofTwoWidgets_isRefusedBeforeAnyChange() {
    String id = newId();
    String other = newId();

    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                store()
                    .applyAll(
                        List.of(
                            create(nextKey(), fullWidget(id, OWNER)),
                            create(nextKey(), fullWidget(other, OWNER))),
                        PROVENANCE));
    assertThat(store().find(id)).isEmpty();
    assertThat(store().find(other)).isEmpty();
  }

  @Test
  void applyAll_ofAWidgetItWroteLast_writesOnceForTheLot() {
    assumeTrue(callsSoFar().isPresent(), "a store that makes calls");
    String id = newId();
    put(new Widget(id, OWNER, "L", null, List.of()));
    List<KeyedRequest> lot = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lot.add(update(nextKey(), id, OWNER, "L" + i, new Attribute("a" + i, "v" + i)));
    }
    long before = callsSoFar().orElseThrow();

    List<StoreOutcome> outcomes = store().applyAll(lot, PROVENANCE);

    long calls = callsSoFar().orElseThrow() - before;
    assertThat(outcomes).hasSize(20).allMatch(new StoreOutcome.Applied()::equals);
    assertThat(calls).as("calls for a lot of 20 requests").isEqualTo(callsPerWrite());
    assertThat(store().find(id).orElseThrow().label()).isEqualTo("L19");
  }
}
