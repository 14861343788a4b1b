package dev.widgetrequests.local;

/**
 * A queue and the dead-letter queue its redrive policy sends messages to.
 *
 * @param queueUrl the queue's URL
 * @param deadLetterQueueUrl the dead-letter queue's URL
 */
public record QueuePair(String queueUrl, String deadLetterQueueUrl) {}
