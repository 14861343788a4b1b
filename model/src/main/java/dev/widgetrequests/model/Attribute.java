package dev.widgetrequests.model;

import java.util.Objects;

/** One entry of a widget's {@code otherAttributes}: a name and its value. */
public record Attribute(String name, String value) {
  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
