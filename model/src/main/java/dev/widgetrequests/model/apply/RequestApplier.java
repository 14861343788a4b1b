package dev.widgetrequests.model.apply;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a request to the current state of its widget: a pure function, no I/O.
 *
 * <p>A widget's owner never changes: a request whose owner differs from the stored widget's owner
 * (create included) changes nothing and says so in a {@link Change.Skip}. An update that matches
 * its owner always gives a {@link Change.Put}, even when the result equals the current widget, so
 * the store records which request touched the widget last.
 */
public final class RequestApplier {
  private RequestApplier() {}

  /**
   * @param current the stored widget with the request's id, if any (whatever its owner)
   */
  public static Change apply(WidgetRequest request, Optional<Widget> current) {
    Objects.requireNonNull(request, "request");
    current.ifPresent(widget -> requireSameId(request, widget));
    return switch (request) {
      case CreateWidget create -> create(create, current);
      case UpdateWidget update -> update(update, current);
      case DeleteWidget delete -> delete(delete, current);
    };
  }

  private static Change create(CreateWidget create, Optional<Widget> current) {
    if (current.isPresent() && !current.get().owner().equals(create.owner())) {
      return ownerDiffers(create, current.get());
    }
    return new Change.Put(
        new Widget(
            create.widgetId(),
            create.owner(),
            create.label(),
            create.description(),
            create.otherAttributes()));
  }

  private static Change update(UpdateWidget update, Optional<Widget> current) {
    if (current.isEmpty()) {
      return doesNotExist(update);
    }
    Widget widget = current.get();
    if (!widget.owner().equals(update.owner())) {
      return ownerDiffers(update, widget);
    }
    return new Change.Put(
        new Widget(
            widget.id(),
            widget.owner(),
            updated(widget.label(), update.label()),
            updated(widget.description(), update.description()),
            merged(widget.otherAttributes(), update.otherAttributes())));
  }

  private static Change delete(DeleteWidget delete, Optional<Widget> current) {
    if (current.isEmpty()) {
      return doesNotExist(delete);
    }
    if (!current.get().owner().equals(delete.owner())) {
      return ownerDiffers(delete, current.get());
    }
    return new Change.Remove(current.get());
  }

  /** {@code null}: unchanged; {@code ""}: removed; anything else: set. */
  private static String updated(String current, String requested) {
    if (requested == null) {
      return current;
    }
    return requested.isEmpty() ? null : requested;
  }

  /**
   * Attributes in their current order; a requested value replaces the value in place or is appended
   * when the name is new; an empty value removes the attribute.
   */
  private static List<Attribute> merged(List<Attribute> current, List<Attribute> requested) {
    Map<String, String> values = new LinkedHashMap<>();
    current.forEach(attribute -> values.put(attribute.name(), attribute.value()));
    for (Attribute attribute : requested) {
      if (attribute.value().isEmpty()) {
        values.remove(attribute.name());
      } else {
        values.put(attribute.name(), attribute.value());
      }
    }
    List<Attribute> result = new ArrayList<>(values.size());
    values.forEach((name, value) -> result.add(new Attribute(name, value)));
    return result;
  }

  private static Change.Skip doesNotExist(WidgetRequest request) {
    return new Change.Skip(
        "widget " + request.widgetId() + " does not exist; " + request.type() + " ignored", false);
  }

  private static Change.Skip ownerDiffers(WidgetRequest request, Widget current) {
    return new Change.Skip(
        "widget "
            + current.id()
            + " belongs to "
            + current.owner()
            + ", not "
            + request.owner()
            + "; "
            + request.type()
            + " ignored (the owner of a widget never changes)",
        true);
  }

  private static void requireSameId(WidgetRequest request, Widget current) {
    if (!current.id().equals(request.widgetId())) {
      throw new IllegalArgumentException(
          "current widget " + current.id() + " is not the request's widget " + request.widgetId());
    }
  }
}
