package dev.widgetrequests.source.s3;

import dev.widgetrequests.aws.JsonBody;
import dev.widgetrequests.config.ConfigurationException;
import dev.widgetrequests.config.MessageSize;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Requests stored one per object in a bucket, taken smallest key first; a poll lists them, and each
 * object is read by {@link #resolve}, many at once. An object is deleted only after its request was
 * applied, and rejected ones are moved under the rejected prefix with the reason in their metadata,
 * so a crash at any point loses nothing.
 */
public final class S3RequestSource implements RequestSource {
  private static final Logger log = LoggerFactory.getLogger(S3RequestSource.class);

  private final S3Client s3;
  private final String bucket;
  private final String rejectedPrefix;
  private final Duration idleWait;
  private final int batchSize;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final RequestObjects objects;

  /**
   * @param rejectedPrefix where rejected requests go; objects under it are not requests
   * @param idleWait how long {@link #poll} waits before it returns empty on an empty bucket
   * @param batchSize the most requests one poll returns
   */
  public S3RequestSource(
      S3Client s3, String bucket, String rejectedPrefix, Duration idleWait, int batchSize) {
    this(s3, bucket, rejectedPrefix, idleWait, batchSize, MessageSize.DEFAULT);
  }

  /**
   * @param size the largest request object read; a larger one is moved aside
   */
  public S3RequestSource(
      S3Client s3,
      String bucket,
      String rejectedPrefix,
      Duration idleWait,
      int batchSize,
      MessageSize size) {
    this.s3 = s3;
    this.objects = new RequestObjects(s3, size);
    this.bucket = bucket;
    this.rejectedPrefix = rejectedPrefix;
    this.idleWait = idleWait;
    this.batchSize = batchSize;
  }

  @Override
  public List<Delivery> poll() throws InterruptedException {
    List<Delivery> deliveries = new ArrayList<>();
    for (String key : nextKeys()) {
      inFlight.add(key);
      deliveries.add(new S3Delivery(key, null));
    }
    if (deliveries.isEmpty()) {
      Thread.sleep(idleWait);
    }
    return deliveries;
  }

  /** The smallest keys that are requests and not already in flight. */
  private List<String> nextKeys() {
    List<String> keys = new ArrayList<>();
    String continuation = null;
    String startAfter = null;
    do {
      ListObjectsV2Response page = list(continuation, startAfter);
      continuation = page.nextContinuationToken();
      startAfter = null;
      for (S3Object object : page.contents()) {
        String key = object.key();
        if (!rejectedPrefix.isEmpty() && key.startsWith(rejectedPrefix)) {
          // Skip the whole rejected folder in one jump rather than paging through it.
          continuation = null;
          startAfter = RejectedObjects.upperBound(rejectedPrefix);
          break;
        }
        if (!inFlight.contains(key)) {
          keys.add(key);
          if (keys.size() == batchSize) {
            return keys;
          }
        }
      }
    } while (continuation != null || startAfter != null);
    return keys;
  }

  private ListObjectsV2Response list(String continuation, String startAfter) {
    return s3.listObjectsV2(
        r -> r.bucket(bucket).maxKeys(1000).continuationToken(continuation).startAfter(startAfter));
  }

  /**
   * Reads the request object, many at once, off the poll loop: at most the largest request + 1
   * byte, as strict UTF-8. An object that cannot be a request is moved aside; a key that ends here
   * without a delivery leaves the in-flight set, so a later poll lists it again.
   */
  @Override
  public Optional<Delivery> resolve(Delivery delivery) {
    String key = delivery.position();
    switch (objects.read(bucket, key)) {
      case RequestObjects.Text text -> {
        return Optional.of(new S3Delivery(key, text.body()));
      }
      case RequestObjects.Gone gone -> {
        // Taken by another consumer between the listing and the read.
      }
      case RequestObjects.Unusable unusable -> moveAside(key, unusable.reason());
      case RequestObjects.Failed failed -> {
        inFlight.remove(key);
        throw new IllegalStateException(failed.reason() + "; trying again later");
      }
    }
    inFlight.remove(key);
    return Optional.empty();
  }

  /**
   * Rejects an object that cannot be read as a request (too large, not UTF-8) without reading it: a
   * server-side copy under the rejected prefix, with the reason, then the delete.
   */
  private void moveAside(String key, String reason) {
    String target = rejectedPrefix + key;
    try {
      s3.copyObject(
          r ->
              r.sourceBucket(bucket)
                  .sourceKey(key)
                  .destinationBucket(bucket)
                  .destinationKey(target)
                  .metadataDirective(MetadataDirective.REPLACE)
                  .metadata(RejectedObjects.metadata(key, reason)));
      s3.deleteObject(r -> r.bucket(bucket).key(key));
      log.warn("rejected s3://{}/{}: {}; moved to {}", bucket, key, reason, target);
    } catch (SdkException failure) {
      log.warn("rejected s3://{}/{}: {}; could not move it ({})", bucket, key, reason, failure);
    }
  }

  @Override
  public void acknowledge(Delivery delivery) {
    String key = delivery.position();
    s3.deleteObject(r -> r.bucket(bucket).key(key));
    inFlight.remove(key);
  }

  @Override
  public void deadLetter(Delivery delivery, String reason) {
    String key = delivery.position();
    String target = rejectedPrefix + key;
    JsonBody body = JsonBody.of(delivery.body());
    s3.putObject(
        r ->
            body.onto(r.bucket(bucket).key(target)).metadata(RejectedObjects.metadata(key, reason)),
        body.body());
    log.debug("moved s3://{}/{} to {}", bucket, key, target);
    acknowledge(delivery);
  }

  @Override
  public void release(Delivery delivery) {
    inFlight.remove(delivery.position());
  }

  /** Fails with a one-line fix when the bucket does not exist or cannot be read. */
  public void checkAvailable() {
    try {
      s3.headBucket(r -> r.bucket(bucket));
    } catch (NoSuchBucketException missing) {
      throw new ConfigurationException(
          "request bucket \""
              + bucket
              + "\" does not exist: create it or pass the right name with --request-bucket");
    } catch (S3Exception denied) {
      throw new ConfigurationException(
          "request bucket \""
              + bucket
              + "\" cannot be read ("
              + denied.statusCode()
              + "): check the bucket name and your credentials");
    }
  }

  @Override
  public String describe() {
    return "s3://" + bucket;
  }

  /** The object's key is both where the request came from and its order key. */
  private record S3Delivery(String position, String body) implements Delivery {
    @Override
    public String orderKey() {
      return position;
    }
  }
}
