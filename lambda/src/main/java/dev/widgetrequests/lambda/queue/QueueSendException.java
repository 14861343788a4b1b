package dev.widgetrequests.lambda.queue;

/** The request queue did not take a message; the request was not accepted. */
public final class QueueSendException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueueSendException(String message, Throwable cause) {
    super(message, cause);
  }
}
