package dev.widgetrequests.model;

import java.util.List;
import java.util.Objects;

/**
 * A stored widget. {@code label} and {@code description} are {@code null} when absent; {@code ""}
 * is a real value (a create stores what it is given). {@code otherAttributes} keeps its order.
 */
public record Widget(
    String id, String owner, String label, String description, List<Attribute> otherAttributes) {
  public Widget {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    otherAttributes = otherAttributes == null ? List.of() : List.copyOf(otherAttributes);
  }
}
