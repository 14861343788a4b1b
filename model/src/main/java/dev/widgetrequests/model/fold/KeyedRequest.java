package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A request with its order key (docs/design/convergence.md): a widget's requests take effect in the
 * order of their {@link #position() positions}, the order key and then a hash of the request's
 * canonical JSON. A request's identity is its key and its content: the same key with the same
 * content is one request however often it arrives; two different requests that carry one key are
 * two requests, in an order every consumer agrees on.
 *
 * @param orderKey the key the request's source gave it (claimed and checked, or trusted time)
 * @param request the request
 * @param contentHash 16 hex digits of the SHA-256 of the request's canonical JSON
 */
public record KeyedRequest(String orderKey, WidgetRequest request, String contentHash) {
  /**
   * Between the key and the hash in a position: below every character a key is made of, so a key
   * that is a prefix of another (the course producer's bare 13 digits) still sorts first.
   */
  static final char POSITION_SEPARATOR = ' ';

  private static final int HASH_BYTES = 8;

  public KeyedRequest {
    Objects.requireNonNull(orderKey, "orderKey");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  /** The request at this key, its content hash computed. */
  public KeyedRequest(String orderKey, WidgetRequest request) {
    this(orderKey, request, contentHashOf(request));
  }

  /** Where the request takes effect among its widget's requests: the key, then the content hash. */
  public String position() {
    return orderKey + POSITION_SEPARATOR + contentHash;
  }

  /** The order key part of a position. */
  static String keyOf(String position) {
    int separator = position.lastIndexOf(POSITION_SEPARATOR);
    return separator < 0 ? position : position.substring(0, separator);
  }

  /** The hash that tells two requests with one key apart: of the canonical JSON of the request. */
  public static String contentHashOf(WidgetRequest request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(WidgetJson.toJson(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
