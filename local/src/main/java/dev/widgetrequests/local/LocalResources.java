package dev.widgetrequests.local;

/**
 * The resources {@code widgets local} creates: what the producer, request handler and consumer use
 * by default.
 *
 * @param requestBucket bucket the producer writes request objects to
 * @param widgetBucket bucket the S3 widget store writes to
 * @param payloadBucket bucket for request bodies too large for a queue message (claim checks)
 * @param requestQueue the request queue and its dead-letter queue
 * @param widgetTable table the DynamoDB widget store writes to
 * @param widgetTableKey the table's partition key attribute
 */
public record LocalResources(
    String requestBucket,
    String widgetBucket,
    String payloadBucket,
    QueuePair requestQueue,
    String widgetTable,
    String widgetTableKey) {

  public static final String REQUEST_BUCKET = "widget-requests";
  public static final String WIDGET_BUCKET = "widgets";
  public static final String PAYLOAD_BUCKET = "widget-request-payloads";
  public static final String REQUEST_QUEUE = "widget-requests";
  public static final String WIDGET_TABLE = "widgets";
  public static final String WIDGET_TABLE_KEY = "id";

  /** The course's index for "widgets of an owner, newest first". */
  public static final String WIDGET_TABLE_OWNER_INDEX = "owner-last_modified_on-index";

  public String requestQueueUrl() {
    return requestQueue.queueUrl();
  }

  public String deadLetterQueueUrl() {
    return requestQueue.deadLetterQueueUrl();
  }
}
