package dev.widgetrequests.lambda;

import dev.widgetrequests.config.ConfigurationException;
import java.util.Map;

/** The function's configuration, read once from its environment. */
public record HandlerSettings(String queueUrl) {
  /** The environment variable that names the request queue. */
  public static final String QUEUE_URL_VARIABLE = "REQUEST_QUEUE_URL";

  /**
   * @throws ConfigurationException when the queue URL is missing, so the function fails at init
   *     with a message that says what to set, rather than on every request
   */
  public static HandlerSettings fromEnvironment(Map<String, String> environment) {
    String queueUrl = environment.get(QUEUE_URL_VARIABLE);
    if (queueUrl == null || queueUrl.isBlank()) {
      throw new ConfigurationException(
          QUEUE_URL_VARIABLE
              + " is not set: set it in the function's environment to the request queue's URL,"
              + " e.g. https://sqs.us-east-1.amazonaws.com/123456789012/widget-requests");
    }
    return new HandlerSettings(queueUrl.strip());
  }
}
