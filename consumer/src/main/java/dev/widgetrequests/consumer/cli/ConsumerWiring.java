package dev.widgetrequests.consumer.cli;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.source.s3.S3RequestSource;
import dev.widgetrequests.aws.source.sqs.DeadLetterQueues;
import dev.widgetrequests.aws.source.sqs.SqsRequestSource;
import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.consumer.engine.ConsumerEngine;
import dev.widgetrequests.consumer.engine.ConsumerEvents;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.RequestSource;
import dev.widgetrequests.model.store.WidgetStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the consumer from its configuration, checking on the way that every bucket, queue and
 * table exists, so a mistake ends at start-up with one line instead of a failure per request.
 */
public final class ConsumerWiring {
  private static final Logger log = LoggerFactory.getLogger(ConsumerWiring.class);
  private static final int BUCKET_BATCH = 100;

  private ConsumerWiring() {}

  public static ConsumerEngine<?> engine(ConsumerConfig config, AwsClients clients, Clock clock) {
    return engine(config, clients, clock, ConsumerEvents.NONE);
  }

  /** The engine, telling {@code events} what happens to each request. */
  public static ConsumerEngine<?> engine(
      ConsumerConfig config, AwsClients clients, Clock clock, ConsumerEvents events) {
    WidgetStore store = store(config.store(), clients, clock);
    RequestSource<?> source = source(config.source(), clients, config.messageSize());
    return new ConsumerEngine<>(
        source, store, new RequestParser(config.messageSize()), config.engine(), clock, events);
  }

  static WidgetStore store(ConsumerConfig.Store store, AwsClients clients, Clock clock) {
    return switch (store) {
      case ConsumerConfig.BucketStore bucket -> {
        var s3 = new S3WidgetStore(clients.s3(), bucket.bucket(), bucket.keyPrefix(), clock);
        s3.checkAvailable();
        yield s3;
      }
      case ConsumerConfig.TableStore table -> {
        var dynamoDb =
            new DynamoDbWidgetStore(clients.dynamoDb(), table.table(), table.keyAttribute(), clock);
        dynamoDb.checkAvailable();
        yield dynamoDb;
      }
    };
  }

  static RequestSource<?> source(
      ConsumerConfig.Source source, AwsClients clients, MessageSize messageSize) {
    return switch (source) {
      case ConsumerConfig.BucketSource bucket -> {
        var s3 =
            new S3RequestSource(
                clients.s3(),
                bucket.bucket(),
                bucket.rejectedPrefix(),
                Duration.ofMillis(bucket.idleWaitMillis()),
                BUCKET_BATCH,
                bucket.keyCheck(),
                messageSize);
        s3.checkAvailable();
        yield s3;
      }
      case ConsumerConfig.QueueSource queue -> {
        String deadLetters = deadLetterQueue(queue, clients);
        yield new SqsRequestSource(
            clients.sqs(),
            clients.s3(),
            queue.queueUrl(),
            deadLetters,
            queue.waitSeconds(),
            queue.visibilityTimeoutSeconds(),
            queue.payloadBuckets(),
            queue.keyCheck(),
            messageSize);
      }
    };
  }

  private static String deadLetterQueue(ConsumerConfig.QueueSource queue, AwsClients clients) {
    String redriveTarget = DeadLetterQueues.of(clients.sqs(), queue.queueUrl()).orElse(null);
    if (queue.deadLetterQueueUrl() != null) {
      DeadLetterQueues.checkExists(
          clients.sqs(), queue.deadLetterQueueUrl(), "--dead-letter-queue");
      return queue.deadLetterQueueUrl();
    }
    if (redriveTarget == null) {
      log.warn(
          "{} has no dead-letter queue: invalid requests will be written whole to the log."
              + " Give one with --dead-letter-queue URL.",
          queue.queueUrl());
    }
    return redriveTarget;
  }

  static String describe(ConsumerConfig.Source source) {
    return switch (source) {
      case ConsumerConfig.BucketSource b -> "s3://" + b.bucket();
      case ConsumerConfig.QueueSource q -> q.queueUrl();
    };
  }

  static String describe(ConsumerConfig.Store store) {
    return switch (store) {
      case ConsumerConfig.BucketStore b -> "s3://" + b.bucket() + "/" + b.keyPrefix();
      case ConsumerConfig.TableStore t -> "DynamoDB table " + t.table();
    };
  }
}
