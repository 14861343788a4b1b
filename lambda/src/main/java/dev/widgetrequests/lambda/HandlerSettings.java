package dev.widgetrequests.lambda;

import dev.widgetrequests.model.config.ConfigurationException;
import dev.widgetrequests.model.config.MessageSize;
import java.util.Locale;
import java.util.Map;

/**
 * The function's configuration, read once from its environment.
 *
 * @param messageSize the largest request body taken; a larger one is answered 413
 * @param ownerGroups whether a standard queue's messages name their owner's message group
 */
public record HandlerSettings(String queueUrl, MessageSize messageSize, boolean ownerGroups) {
  /** The environment variable that names the request queue. */
  public static final String QUEUE_URL_VARIABLE = "REQUEST_QUEUE_URL";

  /** {@code false} turns off owner message groups on a standard queue (SQS fair queues). */
  public static final String OWNER_GROUPS_VARIABLE = "REQUEST_QUEUE_OWNER_GROUPS";

  /**
   * @throws ConfigurationException when the queue URL is missing, or a setting is not one, so the
   *     function fails at init with a message that says what to set, rather than on every request
   */
  public static HandlerSettings fromEnvironment(Map<String, String> environment) {
    String queueUrl = environment.get(QUEUE_URL_VARIABLE);
    if (queueUrl == null || queueUrl.isBlank()) {
      throw new ConfigurationException(
          QUEUE_URL_VARIABLE
              + " is not set: set it in the function's environment to the request queue's URL,"
              + " e.g. https://sqs.us-east-1.amazonaws.com/123456789012/widget-requests");
    }
    return new HandlerSettings(
        queueUrl.strip(), MessageSize.fromEnvironment(environment), ownerGroups(environment));
  }

  private static boolean ownerGroups(Map<String, String> environment) {
    String text = environment.getOrDefault(OWNER_GROUPS_VARIABLE, "").strip();
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "", "true" -> true;
      case "false" -> false;
      default ->
          throw new ConfigurationException(
              OWNER_GROUPS_VARIABLE
                  + " is '"
                  + text
                  + "': set it to true (the default: a standard queue's messages carry their"
                  + " owner as MessageGroupId) or false");
    };
  }
}
