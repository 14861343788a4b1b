package dev.widgetrequests.model.parse;

/** One broken rule of a request: the field (JSON pointer-ish, e.g. {@code owner}) and why. */
public record Violation(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
