package dev.widgetrequests.model.config;

/**
 * A setting or resource is wrong (missing bucket, queue or table; bad credentials; conflicting
 * options). The message is one line that names the resource and the fix; the launcher prints it
 * without a stack trace and exits with code 2.
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
