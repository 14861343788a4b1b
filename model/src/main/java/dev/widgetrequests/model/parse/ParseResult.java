package dev.widgetrequests.model.parse;

import dev.widgetrequests.model.WidgetRequest;
import java.util.List;
import java.util.stream.Collectors;

/** What parsing a request body gave: a valid request, or every rule it breaks. */
public sealed interface ParseResult {

  /** The body is a valid request. */
  record Valid(WidgetRequest request) implements ParseResult {}

  /** The body is not a valid request; {@code violations} is never empty. */
  record Invalid(List<Violation> violations) implements ParseResult {
    public Invalid {
      violations = List.copyOf(violations);
    }

    /** All violations on one line, for logs and dead-letter reasons. */
    public String reason() {
      return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
  }
}
