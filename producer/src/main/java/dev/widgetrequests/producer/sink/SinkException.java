package dev.widgetrequests.producer.sink;

/** A destination refused requests that the AWS SDK's own retries could not get through. */
public final class SinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SinkException(String message) {
    super(message);
  }
}
