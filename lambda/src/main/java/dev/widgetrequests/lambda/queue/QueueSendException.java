package dev.widgetrequests.lambda.queue;

/**
 * The request queue did not take a message; the request was not accepted.
 *
 * @see #retryable()
 */
public final class QueueSendException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public QueueSendException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * True when trying again later may succeed (throttling, the service unreachable or failing);
   * false when only a fix of the deployment can help (missing queue, access denied).
   */
  public boolean retryable() {
    return retryable;
  }
}
