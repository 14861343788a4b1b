package dev.widgetrequests.consumer.cli;

import dev.widgetrequests.aws.AwsSettings;
import dev.widgetrequests.consumer.engine.EngineSettings;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.model.source.OrderKeyCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Checks the consumer's options and turns them into a {@link ConsumerConfig}. */
final class ConsumerOptions {
  private ConsumerOptions() {}

  static ConsumerConfig toConfig(ConsumerCommand o, Map<String, String> env) {
    ConsumerConfig.Store store = store(o);
    ConsumerConfig.Source source = source(o);
    StoreClashes.check(o, source, store);
    return new ConsumerConfig(
        aws(o, env),
        source,
        store,
        engine(o),
        "none".equalsIgnoreCase(o.logFile) ? null : Path.of(o.logFile),
        o.maxMessageBytes == null
            ? MessageSize.fromEnvironment(env)
            : MessageSize.parse(o.maxMessageBytes, "--max-message-bytes"));
  }

  /**
   * Per-service options win over {@code --endpoint-url}, which wins over the environment's
   * variables; an explicit {@code --endpoint-url} means every service, so the environment's
   * per-service variables no longer apply.
   */
  static AwsSettings aws(ConsumerCommand o, Map<String, String> env) {
    return o.aws.settings(env, o.s3EndpointUrl, o.sqsEndpointUrl, o.dynamoDbEndpointUrl);
  }

  private static ConsumerConfig.Source source(ConsumerCommand o) {
    if ((o.requestBucket == null) == (o.requestQueue == null)) {
      throw o.usage(
          "give exactly one request source: -rb/--request-bucket BUCKET or -rq/--request-queue URL");
    }
    if (o.requestBucket != null) {
      if (o.pollIntervalMillis < 0) {
        throw o.usage("--poll-interval must be 0 or more milliseconds");
      }
      return new ConsumerConfig.BucketSource(
          o.requestBucket, o.rejectedPrefix, o.pollIntervalMillis, keyCheck(o));
    }
    if (o.queueWaitSeconds < 0 || o.queueWaitSeconds > 20) {
      throw o.usage("-qwt/--queue-wait-timeout must be 0 to 20 seconds, was " + o.queueWaitSeconds);
    }
    if (o.visibilityTimeoutSeconds != null
        && (o.visibilityTimeoutSeconds < 0 || o.visibilityTimeoutSeconds > 43_200)) {
      throw o.usage("-qvt/--queue-visibility-timeout must be 0 to 43200 seconds");
    }
    Set<String> payloadBuckets = o.payloadBuckets == null ? Set.of() : Set.copyOf(o.payloadBuckets);
    return new ConsumerConfig.QueueSource(
        o.requestQueue,
        o.deadLetterQueue,
        o.queueWaitSeconds,
        o.visibilityTimeoutSeconds,
        payloadBuckets,
        keyCheck(o));
  }

  private static OrderKeyCheck keyCheck(ConsumerCommand o) {
    if (o.keyMaxAgeSeconds < 0 || o.keyMaxAheadMillis < 0) {
      throw o.usage("--key-max-age and --key-max-ahead must be 0 or more");
    }
    return new OrderKeyCheck(
        Duration.ofSeconds(o.keyMaxAgeSeconds), Duration.ofMillis(o.keyMaxAheadMillis));
  }

  private static ConsumerConfig.Store store(ConsumerCommand o) {
    if (o.storageStrategy != null && o.requestDestination == null) {
      throw o.usage("--storage-strategy needs --request-destination BUCKET_OR_TABLE");
    }
    if (o.requestDestination != null && o.storageStrategy == null) {
      throw o.usage("--request-destination needs --storage-strategy s3|dynamodb");
    }
    int stores =
        (o.widgetBucket != null ? 1 : 0)
            + (o.widgetTable != null ? 1 : 0)
            + (o.storageStrategy != null ? 1 : 0);
    if (stores != 1) {
      throw o.usage(
          "give exactly one widget store: -wb/--widget-bucket BUCKET, -dwt/--dynamodb-widget-table"
              + " TABLE, or --storage-strategy s3|dynamodb with --request-destination NAME");
    }
    if (o.widgetBucket != null || o.storageStrategy == ConsumerCommand.StorageStrategy.s3) {
      String bucket = o.widgetBucket != null ? o.widgetBucket : o.requestDestination;
      return new ConsumerConfig.BucketStore(bucket, o.widgetKeyPrefix);
    }
    String table = o.widgetTable != null ? o.widgetTable : o.requestDestination;
    return new ConsumerConfig.TableStore(table, o.keyAttribute);
  }

  /** How often the progress line is logged; zero for never. */
  static Duration progressInterval(ConsumerCommand o) {
    if (o.progressIntervalSeconds < 0) {
      throw o.usage("--progress-interval must be 0 (never) or more seconds");
    }
    if (o.metricsPort != null && (o.metricsPort < 0 || o.metricsPort > 65_535)) {
      throw o.usage("--metrics-port must be 0 to 65535, was " + o.metricsPort);
    }
    return Duration.ofSeconds(o.progressIntervalSeconds);
  }

  /** The address the metrics port listens on: an address literal or a name of this host. */
  static InetAddress metricsBind(ConsumerCommand o) {
    try {
      return InetAddress.getByName(o.metricsBind);
    } catch (UnknownHostException unknown) {
      throw o.usage(
          "--metrics-bind "
              + o.metricsBind
              + " is not an address: give 127.0.0.1 (this host only) or 0.0.0.0 (every interface)");
    }
  }

  private static EngineSettings engine(ConsumerCommand o) {
    if (o.concurrency < 1 || o.concurrency > 1024) {
      throw o.usage("--concurrency must be 1 to 1024, was " + o.concurrency);
    }
    if (o.maxRuntimeMillis < 0) {
      throw o.usage("-mrt/--max-runtime must be 0 (forever) or more milliseconds");
    }
    if (o.exitWhenIdleSeconds != null && o.exitWhenIdleSeconds < 0) {
      throw o.usage("--exit-when-idle must be 0 or more seconds");
    }
    if (!(o.maxRate >= 0) || o.maxRate > 1_000_000) {
      throw o.usage("--max-rate must be 0 (no cap) to 1000000 requests a second, was " + o.maxRate);
    }
    return new EngineSettings(
            o.concurrency,
            Duration.ofMillis(o.maxRuntimeMillis),
            o.exitWhenIdleSeconds == null ? null : Duration.ofSeconds(o.exitWhenIdleSeconds),
            Duration.ofSeconds(20))
        .withMaxRate(o.maxRate);
  }
}
