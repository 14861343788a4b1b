package dev.widgetrequests.model.failure;

/**
 * A call to a source or a store failed, as its adapter classified it. Adapters translate their
 * SDK's exceptions into these at the boundary; the engine decides what to do from the kind alone
 * (docs/design/consumer.md, "Failures"). Expected outcomes (invalid, duplicate, refused by a rule)
 * are values, never these.
 */
public abstract sealed class InfrastructureFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InfrastructureFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** One line for logs: the kind and the message, no stack trace. */
  public String describe() {
    String message = getMessage();
    int newline = message == null ? -1 : message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ": " + line;
  }

  /**
   * Worth another try later: a connection refused or timed out, a 5xx, a race lost too often. Its
   * call was already retried by its SDK; the next try is a new delivery.
   */
  public static non-sealed class Transient extends InfrastructureFailure {
    private static final long serialVersionUID = 1L;

    public Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The service asked its callers to slow down (DynamoDB's ProvisionedThroughputExceeded, S3's 503
   * SlowDown): worth another try, and a reason to have fewer calls in flight.
   */
  public static final class Throttled extends InfrastructureFailure {
    private static final long serialVersionUID = 1L;

    public Throttled(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The service refuses this request's data and always will (an item over 400 KB, a value it cannot
   * hold): dead-letter it with this message as the reason.
   */
  public static final class Refused extends InfrastructureFailure {
    private static final long serialVersionUID = 1L;

    public Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The deployment is broken (access denied, a queue, bucket or table gone, credentials refused):
   * no request can succeed, so the consumer stops and says why.
   */
  public static final class Fatal extends InfrastructureFailure {
    private static final long serialVersionUID = 1L;

    public Fatal(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
