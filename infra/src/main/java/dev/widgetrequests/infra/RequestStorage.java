package dev.widgetrequests.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The three buckets: requests (the bucket source, with its {@code rejected/} prefix), widgets (the
 * S3 widget store) and payloads (claim checks of large requests), plus one bucket for their access
 * logs. All encrypted, versioned, private, TLS-only, owner-enforced.
 */
public final class RequestStorage extends Construct {
  /** Rejected requests are kept this long for someone to look at, then expire. */
  static final int REJECTED_DAYS = 30;

  /**
   * A payload outlives any message that points at it: SQS keeps a message 14 days at most, counted
   * from its first enqueue even after a move to the dead-letter queue; a payload older than that is
   * an orphan (its message was applied and the delete of the object did not happen).
   */
  static final int PAYLOAD_DAYS = 15;

  static final int ACCESS_LOG_DAYS = 90;

  /**
   * Every bucket is versioned: an object overwritten or deleted (by a mistake, a misconfigured
   * consumer, an attacker with the task's credentials) can be brought back this long.
   */
  static final int OLD_VERSION_DAYS = 30;

  private final Bucket requests;
  private final Bucket widgets;
  private final Bucket payloads;

  public RequestStorage(Construct scope, String id) {
    super(scope, id);
    Bucket accessLogs = accessLogBucket();
    requests =
        bucket(
            "RequestBucket",
            accessLogs,
            "requests/",
            LifecycleRule.builder()
                .id("expire-rejected")
                .prefix("rejected/")
                .expiration(Duration.days(REJECTED_DAYS))
                .build(),
            abortUploads(),
            expireOldVersions());
    widgets = bucket("WidgetBucket", accessLogs, "widgets/", abortUploads(), expireOldVersions());
    payloads =
        bucket(
            "PayloadBucket",
            accessLogs,
            "payloads/",
            LifecycleRule.builder()
                .id("expire-orphaned-payloads")
                .expiration(Duration.days(PAYLOAD_DAYS))
                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                .build(),
            expireOldVersions());
  }

  public IBucket requests() {
    return requests;
  }

  public IBucket widgets() {
    return widgets;
  }

  public IBucket payloads() {
    return payloads;
  }

  /**
   * A data bucket: SSE-KMS under the AWS managed key {@code aws/s3} (its use recorded by
   * CloudTrail; no key to pay for or grant, docs/iam.md), with a bucket key so that S3 calls KMS
   * once per bucket key rather than per object.
   */
  private Bucket bucket(String id, Bucket accessLogs, String logPrefix, LifecycleRule... rules) {
    return Bucket.Builder.create(this, id)
        .encryption(BucketEncryption.KMS_MANAGED)
        .bucketKeyEnabled(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .enforceSsl(true)
        .versioned(true)
        .serverAccessLogsBucket(accessLogs)
        .serverAccessLogsPrefix(logPrefix)
        .lifecycleRules(List.of(rules))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  /** The access-log bucket: SSE-S3, the only encryption S3 delivers server access logs to. */
  private Bucket accessLogBucket() {
    Bucket logs =
        Bucket.Builder.create(this, "AccessLogBucket")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .enforceSsl(true)
            .versioned(true)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(Duration.days(ACCESS_LOG_DAYS))
                        .build(),
                    expireOldVersions()))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    Nag.acknowledge(
        logs,
        "AwsSolutions-S1",
        "This is the access-log bucket: logging it into itself would loop.");
    return logs;
  }

  /** Overwritten and deleted objects' old versions, and delete markers left with none. */
  private static LifecycleRule expireOldVersions() {
    return LifecycleRule.builder()
        .id("expire-old-versions")
        .noncurrentVersionExpiration(Duration.days(OLD_VERSION_DAYS))
        .expiredObjectDeleteMarker(true)
        .build();
  }

  private static LifecycleRule abortUploads() {
    return LifecycleRule.builder()
        .id("abort-incomplete-uploads")
        .abortIncompleteMultipartUploadAfter(Duration.days(1))
        .build();
  }
}
