package dev.widgetrequests.aws.source.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.widgetrequests.model.config.ConfigurationException;
import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Finds a queue's dead-letter queue from its redrive policy, and checks queues exist. */
public final class DeadLetterQueues {
  private DeadLetterQueues() {}

  /**
   * The URL of the queue's redrive-policy target, or empty when the queue has none.
   *
   * @throws ConfigurationException when the queue itself does not exist
   */
  public static Optional<String> of(SqsClient sqs, String queueUrl) {
    String policy;
    try {
      policy =
          sqs.getQueueAttributes(
                  r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
              .attributes()
              .get(QueueAttributeName.REDRIVE_POLICY);
    } catch (QueueDoesNotExistException missing) {
      throw new ConfigurationException(
          "request queue "
              + queueUrl
              + " does not exist: create it or pass the right URL with --request-queue");
    }
    if (policy == null || policy.isBlank()) {
      return Optional.empty();
    }
    String arn = targetArn(policy);
    // arn:aws:sqs:region:account:name
    String[] parts = arn.split(":");
    String name = parts[parts.length - 1];
    String account = parts.length >= 6 ? parts[4] : null;
    return Optional.of(
        sqs.getQueueUrl(r -> r.queueName(name).queueOwnerAWSAccountId(account)).queueUrl());
  }

  /** Fails with a one-line fix when the queue does not exist. */
  public static void checkExists(SqsClient sqs, String queueUrl, String option) {
    try {
      sqs.getQueueAttributes(
          r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN));
    } catch (QueueDoesNotExistException missing) {
      throw new ConfigurationException(
          "queue " + queueUrl + " does not exist: create it or pass the right URL with " + option);
    }
  }

  private static String targetArn(String policy) {
    try {
      JsonNode node = MessageBody.JSON.readTree(policy);
      return node.path("deadLetterTargetArn").asText();
    } catch (IOException e) {
      throw new ConfigurationException("unreadable redrive policy on the request queue: " + policy);
    }
  }
}
