package dev.widgetrequests.infra;

import java.util.Locale;
import java.util.Objects;
import software.constructs.Node;

/**
 * What a deployment may choose, read once from the CDK context ({@code -c key=value} or {@code
 * cdk.json}); every value has a default that fits the consumer's own defaults.
 *
 * @param lambdaJar the request handler's function jar ({@code lambda/target/widgets-lambda.jar})
 * @param imageTag the consumer image's tag in the ECR repository (immutable tags: push a new one)
 * @param widgetStore where the consumer keeps widgets: the table, or the widget bucket
 * @param partitionKey the widget table's partition key attribute
 * @param maxReceiveCount receives of one message before SQS moves it to the dead-letter queue
 * @param visibilityTimeoutSeconds the request queue's visibility timeout
 * @param minTasks fewest consumer tasks (at least 1: backlog per task needs a task to divide by)
 * @param maxTasks most consumer tasks
 * @param backlogPerTask the scaling target: visible messages per running task
 * @param oldestMessageAlarmSeconds alarm when the oldest request has waited longer than this
 * @param apiRateLimit the API's steady requests per second
 * @param apiBurstLimit the API's burst of requests
 * @param alarmEmail an address subscribed to the alarm topic, or null for none
 */
public record InfraSettings(
    String lambdaJar,
    String imageTag,
    WidgetStoreKind widgetStore,
    String partitionKey,
    int maxReceiveCount,
    int visibilityTimeoutSeconds,
    int minTasks,
    int maxTasks,
    int backlogPerTask,
    int oldestMessageAlarmSeconds,
    int apiRateLimit,
    int apiBurstLimit,
    String alarmEmail) {

  /** Where the consumer keeps widgets: its {@code -dwt} or {@code -wb} option. */
  public enum WidgetStoreKind {
    DYNAMODB,
    S3
  }

  public static final String DEFAULT_LAMBDA_JAR = "../lambda/target/widgets-lambda.jar";

  public InfraSettings {
    Objects.requireNonNull(lambdaJar, "lambdaJar");
    Objects.requireNonNull(imageTag, "imageTag");
    Objects.requireNonNull(widgetStore, "widgetStore");
    Objects.requireNonNull(partitionKey, "partitionKey");
    require(maxReceiveCount >= 1 && maxReceiveCount <= 1000, "maxReceiveCount must be 1 to 1000");
    require(
        visibilityTimeoutSeconds >= 0 && visibilityTimeoutSeconds <= 43_200,
        "visibilityTimeoutSeconds must be 0 to 43200");
    require(minTasks >= 1, "minTasks must be 1 or more: backlog per task divides by running tasks");
    require(maxTasks >= minTasks, "maxTasks must be minTasks or more");
    require(backlogPerTask >= 1, "backlogPerTask must be 1 or more");
    require(oldestMessageAlarmSeconds >= 60, "oldestMessageAlarmSeconds must be 60 or more");
    require(apiRateLimit >= 1 && apiBurstLimit >= 1, "API throttling limits must be 1 or more");
  }

  /** The defaults, with the given function jar. */
  public static InfraSettings defaults(String lambdaJar) {
    return new InfraSettings(
        lambdaJar, "1.0.0", WidgetStoreKind.DYNAMODB, "id", 5, 60, 1, 4, 100, 600, 50, 100, null);
  }

  /** The settings from a construct's context, each key falling back to its default. */
  public static InfraSettings fromContext(Node node) {
    InfraSettings d = defaults(DEFAULT_LAMBDA_JAR);
    return new InfraSettings(
        text(node, "lambdaJar", d.lambdaJar()),
        text(node, "imageTag", d.imageTag()),
        WidgetStoreKind.valueOf(
            text(node, "widgetStore", d.widgetStore().name()).toUpperCase(Locale.ROOT)),
        text(node, "partitionKey", d.partitionKey()),
        number(node, "maxReceiveCount", d.maxReceiveCount()),
        number(node, "visibilityTimeoutSeconds", d.visibilityTimeoutSeconds()),
        number(node, "minTasks", d.minTasks()),
        number(node, "maxTasks", d.maxTasks()),
        number(node, "backlogPerTask", d.backlogPerTask()),
        number(node, "oldestMessageAlarmSeconds", d.oldestMessageAlarmSeconds()),
        number(node, "apiRateLimit", d.apiRateLimit()),
        number(node, "apiBurstLimit", d.apiBurstLimit()),
        text(node, "alarmEmail", null));
  }

  private static String text(Node node, String key, String fallback) {
    Object value = node.tryGetContext(key);
    return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
  }

  private static int number(Node node, String key, int fallback) {
    if (node.tryGetContext(key) instanceof Number n) {
      return n.intValue();
    }
    String value = text(node, key, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("context " + key + " must be a whole number: " + value, e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
