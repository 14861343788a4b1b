package dev.widgetrequests.consumer.cli;

import dev.widgetrequests.aws.store.s3.S3WidgetStore;

/**
 * Refuses options that point two roles at the same place: the consumer deletes or moves what it
 * reads as requests, so a request location that holds widgets would empty the store
 * (docs/design/configuration-checks.md).
 */
final class StoreClashes {
  private StoreClashes() {}

  static void check(ConsumerCommand o, ConsumerConfig.Source source, ConsumerConfig.Store store) {
    checkWidgetPrefix(o, store);
    switch (source) {
      case ConsumerConfig.BucketSource bucket -> checkBucketSource(o, bucket, store);
      case ConsumerConfig.QueueSource queue -> checkQueueSource(o, queue, store);
    }
  }

  private static void checkWidgetPrefix(ConsumerCommand o, ConsumerConfig.Store store) {
    if (store instanceof ConsumerConfig.BucketStore widgets
        && overlaps(widgets.keyPrefix(), S3WidgetStore.STATE_PREFIX)) {
      throw o.usage(
          "--widget-key-prefix "
              + widgets.keyPrefix()
              + " overlaps the widget state prefix "
              + S3WidgetStore.STATE_PREFIX
              + ": give a prefix of its own, e.g. "
              + S3WidgetStore.DEFAULT_KEY_PREFIX);
    }
  }

  private static void checkBucketSource(
      ConsumerCommand o, ConsumerConfig.BucketSource source, ConsumerConfig.Store store) {
    if (o.payloadBuckets != null && !o.payloadBuckets.isEmpty()) {
      throw o.usage(
          "--payload-bucket is for a queue source (-rq); a bucket source reads its requests from"
              + " -rb: give no --payload-bucket");
    }
    if (store instanceof ConsumerConfig.BucketStore widgets
        && widgets.bucket().equals(source.bucket())) {
      throw o.usage(
          "the request bucket and the widget bucket are both "
              + source.bucket()
              + " (every widget would be read as a request and moved under the rejected prefix):"
              + " give two buckets");
    }
    String rejected = source.rejectedPrefix();
    if (rejected.isEmpty()) {
      throw o.usage(
          "--rejected-prefix is empty (a rejected request would be moved onto itself, then"
              + " deleted): give a prefix such as rejected/");
    }
    if (overlaps(rejected, o.widgetKeyPrefix)) {
      throw o.usage(
          "--rejected-prefix "
              + rejected
              + " overlaps the widget key prefix "
              + o.widgetKeyPrefix
              + ": give a prefix of its own, such as rejected/");
    }
    if (overlaps(rejected, S3WidgetStore.STATE_PREFIX)) {
      throw o.usage(
          "--rejected-prefix "
              + rejected
              + " overlaps the widget state prefix "
              + S3WidgetStore.STATE_PREFIX
              + ": give a prefix of its own, such as rejected/");
    }
  }

  private static void checkQueueSource(
      ConsumerCommand o, ConsumerConfig.QueueSource source, ConsumerConfig.Store store) {
    if (store instanceof ConsumerConfig.BucketStore widgets
        && source.payloadBuckets().contains(widgets.bucket())) {
      throw o.usage(
          "--payload-bucket "
              + widgets.bucket()
              + " is the widget bucket (the consumer deletes each payload it applies): give the"
              + " bucket the producer puts payloads in");
    }
    if (source.queueUrl().equals(source.deadLetterQueueUrl())) {
      throw o.usage(
          "--dead-letter-queue is the request queue (every rejected request would come back"
              + " forever): give the queue's own dead-letter queue, or none for its redrive target");
    }
  }

  /** Whether one prefix is a prefix of the other: some key would lie under both. */
  private static boolean overlaps(String a, String b) {
    return a.startsWith(b) || b.startsWith(a);
  }
}
