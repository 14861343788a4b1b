package dev.widgetrequests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.Widget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

  /** The store under test; the same instance for every call within a test. */
  protected abstract WidgetStore store();

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

  @Test
  void put_thenFind_returnsSameWidget() {
    Widget widget = fullWidget(newId(), OWNER);

    store().put(widget, PROVENANCE);

    assertThat(store().find(widget.id(), OWNER)).contains(widget);
  }

  @Test
  void put_keepsAttributeOrder() {
    List<Attribute> unsorted =
        List.of(new Attribute("zeta", "1"), new Attribute("alpha", "2"), new Attribute("mid", "3"));
    Widget widget = new Widget(newId(), OWNER, "L", "D", unsorted);

    store().put(widget, PROVENANCE);

    assertThat(store().find(widget.id(), OWNER).orElseThrow().otherAttributes())
        .containsExactlyElementsOf(unsorted);
  }

  @Test
  void put_withEmptyStrings_keepsThemAsGiven() {
    Widget widget = new Widget(newId(), OWNER, "", "", List.of(new Attribute("note", "")));

    store().put(widget, PROVENANCE);

    assertThat(store().find(widget.id(), OWNER)).contains(widget);
  }

  @Test
  void put_withoutOptionalFields_findsThemAbsent() {
    Widget widget = new Widget(newId(), OWNER, null, null, List.of());

    store().put(widget, PROVENANCE);

    Widget found = store().find(widget.id(), OWNER).orElseThrow();
    assertThat(found.label()).isNull();
    assertThat(found.description()).isNull();
    assertThat(found.otherAttributes()).isEmpty();
    assertThat(found).isEqualTo(widget);
  }

  @Test
  void put_existingWidget_replacesItWhole() {
    String id = newId();
    store().put(fullWidget(id, OWNER), PROVENANCE);
    Widget replacement = new Widget(id, OWNER, null, "NEW", List.of(new Attribute("size", "7")));

    store().put(replacement, PROVENANCE);

    assertThat(store().find(id, OWNER)).contains(replacement);
  }

  @Test
  void delete_removesWidget() {
    Widget widget = fullWidget(newId(), OWNER);
    store().put(widget, PROVENANCE);

    store().delete(widget);

    assertThat(store().find(widget.id(), OWNER)).isEmpty();
  }

  @Test
  void delete_leavesOtherWidgetsAlone() {
    Widget kept = fullWidget(newId(), OWNER);
    Widget deleted = fullWidget(newId(), OWNER);
    store().put(kept, PROVENANCE);
    store().put(deleted, PROVENANCE);

    store().delete(deleted);

    assertThat(store().find(kept.id(), OWNER)).contains(kept);
  }

  @Test
  void delete_missingWidget_isNotAnError() {
    Widget neverStored = fullWidget(newId(), OWNER);

    assertThatCode(() -> store().delete(neverStored)).doesNotThrowAnyException();
    assertThat(store().find(neverStored.id(), OWNER)).isEmpty();
  }

  @Test
  void find_missingWidget_isEmpty() {
    assertThat(store().find(newId(), OWNER)).isEmpty();
  }

  @Test
  void put_withUnicodeValues_roundTrips() {
    Widget widget =
        new Widget(
            newId(),
            OWNER,
            "Größe – 寸法",
            "emoji 🙂 and \"quotes\", back\\slash, tab\t, newline\n",
            List.of(new Attribute("größe", "日本語"), new Attribute("note", "ümlaut 🚀")));

    store().put(widget, PROVENANCE);

    assertThat(store().find(widget.id(), OWNER)).contains(widget);
  }

  @Test
  void put_withHundredAttributes_keepsThemAllInOrder() {
    List<Attribute> attributes = new ArrayList<>();
    IntStream.range(0, 100)
        .map(i -> (i * 37) % 100) // not in name order
        .forEach(i -> attributes.add(new Attribute("attribute-" + i, "value " + i)));
    Widget widget = new Widget(newId(), OWNER, "L", "D", attributes);

    store().put(widget, PROVENANCE);

    assertThat(store().find(widget.id(), OWNER).orElseThrow().otherAttributes())
        .containsExactlyElementsOf(attributes);
  }

  @Test
  void put_ownerWithSpaces_isFoundByThatOwner() {
    String owner = "Mary Ann  van Matthews";
    Widget widget = fullWidget(newId(), owner);

    store().put(widget, PROVENANCE);

    assertThat(store().find(widget.id(), owner)).contains(widget);
  }
}
