package dev.widgetrequests.model.parse;

/**
 * Parses and validates a request body against every rule of the widget-request contract. Thread
 * safe; build once and share.
 */
public final class RequestParser {

  /** Largest body accepted, in UTF-8 bytes. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  public ParseResult parse(String body) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
