package dev.widgetrequests.lambda.queue;

import dev.widgetrequests.model.source.MessageGroups;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The request queue on SQS: one {@code SendMessage} per request. A FIFO queue groups messages by
 * widget; a standard queue by owner ({@link MessageGroups}, SQS fair queues) unless told not to.
 */
public final class SqsRequestQueue implements RequestQueue {
  private final SqsClient sqs;
  private final String queueUrl;
  private final boolean fifo;
  private final boolean ownerGroups;

  /** A queue that groups by owner when it is a standard queue. */
  public SqsRequestQueue(SqsClient sqs, String queueUrl) {
    this(sqs, queueUrl, true);
  }

  /**
   * @param ownerGroups on a standard queue, give each message its owner's {@code MessageGroupId}
   */
  public SqsRequestQueue(SqsClient sqs, String queueUrl, boolean ownerGroups) {
    this.fifo = queueUrl.endsWith(".fifo");
    this.ownerGroups = ownerGroups;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /**
   * A queue with its own client for the function's runtime: region and credentials from the Lambda
   * environment (the SDK's default chains, which also honour {@code AWS_ENDPOINT_URL_SQS}), and the
   * JDK's HTTP client, which starts faster and weighs less than the pooled clients.
   */
  public static SqsRequestQueue create(String queueUrl, boolean ownerGroups) {
    SqsClient sqs =
        SqsClient.builder()
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(5))
                    .build())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .retryStrategy(RetryMode.STANDARD)
                    // Well inside API Gateway's 29 s integration timeout, so the caller gets
                    // our 503 instead of a gateway timeout.
                    .apiCallTimeout(Duration.ofSeconds(10))
                    .build())
            .build();
    return new SqsRequestQueue(sqs, queueUrl, ownerGroups);
  }

  @Override
  public String send(String body, String widgetId, Map<String, String> attributes) {
    return send(body, widgetId, null, attributes);
  }

  @Override
  public String send(String body, String widgetId, String owner, Map<String, String> attributes) {
    String group;
    if (fifo) {
      group = widgetId;
    } else {
      group = ownerGroups && owner != null ? MessageGroups.ofOwner(owner) : null;
    }
    Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) ->
            values.put(
                name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    try {
      return sqs.sendMessage(
              request ->
                  request
                      .queueUrl(queueUrl)
                      .messageBody(body)
                      .messageAttributes(values)
                      .messageGroupId(group)
                      // Lambda may retry a request; a new id per call keeps them distinct.
                      .messageDeduplicationId(fifo ? UUID.randomUUID().toString() : null))
          .messageId();
    } catch (SdkException e) {
      throw new QueueSendException(
          "SendMessage to " + queueUrl + " failed: " + e.getMessage(), retryable(e), e);
    }
  }

  /**
   * Throttling, 5xx and a service that cannot be reached pass; a missing queue, denied access or a
   * refused message do not, and retrying them would only hide a broken deployment behind 503s.
   */
  static boolean retryable(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return service.isThrottlingException()
          || service.statusCode() >= 500
          || service.statusCode() == 429;
    }
    return e instanceof SdkClientException;
  }
}
