package dev.widgetrequests.model.source;

import java.util.Optional;

/**
 * One request as a source delivered it: the raw body and where it came from. Each source has its
 * own implementation carrying what it needs to acknowledge or release it.
 */
public interface Delivery {
  /** The request body, exactly as stored (may be invalid JSON). */
  String body();

  /** Where it came from, for logs: an S3 key or an SQS message id. */
  String position();

  /**
   * The request's order key (docs/design/convergence.md): a widget's requests are applied in the
   * lexicographic order of these keys, whatever order they arrive in. A claimed key (the request
   * object's key for the bucket source, the {@code request-key} message attribute) when it lies
   * within the {@link OrderKeyCheck bounds} of the time AWS received the request; else that time
   * (13-digit epoch milliseconds) and the message id or object key.
   */
  String orderKey();

  /**
   * Why the claimed order key was not kept ("key out of bounds: ..."), for a warning and a count;
   * empty when it was, or when nothing was claimed.
   */
  default Optional<String> keyWarning() {
    return Optional.empty();
  }
}
