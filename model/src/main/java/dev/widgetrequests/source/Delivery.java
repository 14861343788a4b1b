package dev.widgetrequests.source;

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
   * lexicographic order of these keys, whatever order they arrive in. The request object's key for
   * the bucket source and for pointers; the {@code request-key} message attribute; else the
   * message's send time (13-digit epoch milliseconds) and its id.
   */
  String orderKey();
}
