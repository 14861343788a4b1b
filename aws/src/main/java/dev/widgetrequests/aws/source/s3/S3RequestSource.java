package dev.widgetrequests.aws.source.s3;

import dev.widgetrequests.aws.AwsFailures;
import dev.widgetrequests.aws.JsonBody;
import dev.widgetrequests.model.config.ConfigurationException;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.OrderKeyCheck;
import dev.widgetrequests.model.source.Redelivery;
import dev.widgetrequests.model.source.RequestSource;
import dev.widgetrequests.model.source.Resolution;
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
 * so a crash at any point loses nothing. Deletes name the ETag that was read (If-Match), so an
 * object rewritten in between is never deleted unread.
 */
public final class S3RequestSource implements RequestSource<S3RequestSource.S3Delivery> {
  private static final Logger log = LoggerFactory.getLogger(S3RequestSource.class);

  private final S3Client s3;
  private final String bucket;
  private final String rejectedPrefix;
  private final Duration idleWait;
  private final int batchSize;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final RequestObjects objects;
  private final OrderKeyCheck keyCheck;

  /**
   * @param rejectedPrefix where rejected requests go; objects under it are not requests
   * @param idleWait how long {@link #poll} waits before it returns empty on an empty bucket
   * @param batchSize the most requests one poll returns
   */
  public S3RequestSource(
      S3Client s3, String bucket, String rejectedPrefix, Duration idleWait, int batchSize) {
    this(
        s3,
        bucket,
        rejectedPrefix,
        idleWait,
        batchSize,
        OrderKeyCheck.DEFAULT,
        MessageSize.DEFAULT);
  }

  /**
   * @param keyCheck the bounds an object's key, as a claimed order key, must lie within around the
   *     object's {@code LastModified}
   * @param size the largest request object read; a larger one is moved aside
   */
  public S3RequestSource(
      S3Client s3,
      String bucket,
      String rejectedPrefix,
      Duration idleWait,
      int batchSize,
      OrderKeyCheck keyCheck,
      MessageSize size) {
    this.keyCheck = keyCheck;
    this.s3 = s3;
    this.objects = new RequestObjects(s3, size);
    this.bucket = bucket;
    this.rejectedPrefix = rejectedPrefix;
    this.idleWait = idleWait;
    this.batchSize = batchSize;
  }

  @Override
  public List<S3Delivery> poll() throws InterruptedException {
    List<S3Delivery> deliveries = new ArrayList<>();
    for (S3Object object : nextObjects()) {
      inFlight.add(object.key());
      deliveries.add(S3Delivery.listed(object, keyCheck));
    }
    if (deliveries.isEmpty()) {
      Thread.sleep(idleWait);
    }
    return deliveries;
  }

  /** The objects with the smallest keys that are requests and not already in flight. */
  private List<S3Object> nextObjects() {
    List<S3Object> objects = new ArrayList<>();
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
          objects.add(object);
          if (objects.size() == batchSize) {
            return objects;
          }
        }
      }
    } while (continuation != null || startAfter != null);
    return objects;
  }

  private ListObjectsV2Response list(String continuation, String startAfter) {
    try {
      return s3.listObjectsV2(
          r ->
              r.bucket(bucket)
                  .maxKeys(1000)
                  .continuationToken(continuation)
                  .startAfter(startAfter));
    } catch (SdkException failure) {
      throw AwsFailures.translate(failure);
    }
  }

  /**
   * Reads the request object, many at once, off the poll loop: at most the largest request + 1
   * byte, as strict UTF-8, remembering the ETag of the version read. An object that cannot be a
   * request is refused (the engine dead-letters it); a key that ends here without a delivery leaves
   * the in-flight set, so a later poll lists it again.
   */
  @Override
  public Resolution<S3Delivery> resolve(S3Delivery listed) {
    String key = listed.position();
    return switch (objects.read(bucket, key)) {
      case RequestObjects.Text text ->
          new Resolution.Ready<>(listed.withBody(text.body(), text.eTag()));
      case RequestObjects.Gone gone -> {
        inFlight.remove(key);
        yield new Resolution.Gone<>("taken by another consumer between the listing and the read");
      }
      // Dead-lettered without its body: see deadLetter.
      case RequestObjects.Unusable unusable ->
          new Resolution.Refused<>(listed.withBody(null, unusable.eTag()), unusable.reason());
      case RequestObjects.Failed failed -> {
        inFlight.remove(key);
        throw new InfrastructureFailure.Transient(failed.reason() + "; trying again later", null);
      }
    };
  }

  /**
   * Rejects an object that cannot be read as a request (too large, not UTF-8) without reading it: a
   * server-side copy of the version read under the rejected prefix, with the reason, then the
   * delete of that version.
   */
  private void moveAside(String key, String reason, String eTag) {
    String target = rejectedPrefix + key;
    try {
      s3.copyObject(
          r ->
              r.sourceBucket(bucket)
                  .sourceKey(key)
                  .copySourceIfMatch(eTag)
                  .destinationBucket(bucket)
                  .destinationKey(target)
                  .metadataDirective(MetadataDirective.REPLACE)
                  .metadata(RejectedObjects.metadata(key, reason)));
      if (deleteIfUnchanged(key, eTag)) {
        log.warn("rejected s3://{}/{}: {}; moved to {}", bucket, key, reason, target);
      }
    } catch (SdkException failure) {
      throw AwsFailures.translate(failure);
    } finally {
      inFlight.remove(key);
    }
  }

  @Override
  public void acknowledge(S3Delivery delivery) {
    String key = delivery.position();
    try {
      deleteIfUnchanged(key, delivery.eTag());
    } catch (SdkException failure) {
      throw AwsFailures.translate(failure);
    } finally {
      inFlight.remove(key);
    }
  }

  /**
   * Deletes the object only while it is the version read (If-Match its ETag): one rewritten since
   * is a new request, left for the next poll. Returns whether it was deleted.
   */
  private boolean deleteIfUnchanged(String key, String eTag) {
    try {
      s3.deleteObject(r -> r.bucket(bucket).key(key).ifMatch(eTag));
      return true;
    } catch (S3Exception refused) {
      if (refused.statusCode() == 412) {
        log.info("s3://{}/{} was rewritten since it was read: left for the next poll", bucket, key);
        return false;
      }
      if (refused.statusCode() == 404) {
        return false; // taken by another consumer
      }
      throw refused;
    }
  }

  @Override
  public void deadLetter(S3Delivery delivery, String reason) {
    String key = delivery.position();
    if (delivery.body() == null) { // never read (too large, not text): moved as it is
      moveAside(key, reason, delivery.eTag());
      return;
    }
    String target = rejectedPrefix + key;
    JsonBody body = JsonBody.of(delivery.body());
    try {
      s3.putObject(
          r ->
              body.onto(r.bucket(bucket).key(target))
                  .metadata(RejectedObjects.metadata(key, reason)),
          body.body());
    } catch (SdkException failure) {
      throw AwsFailures.translate(failure);
    }
    log.debug("moved s3://{}/{} to {}", bucket, key, target);
    acknowledge(delivery);
  }

  /** The object stays in the bucket; a later listing takes it again, whenever it is released. */
  @Override
  public void release(S3Delivery delivery, Redelivery<S3Delivery> when) {
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

  /**
   * A request object: its key is where it came from, and its claimed order key, kept when it lies
   * within the bounds of the object's {@code LastModified} (the time S3 stored it).
   *
   * @param eTag the ETag of the version read, or {@code null} before it is read
   */
  record S3Delivery(
      String position, String body, String eTag, String orderKey, String keyOutOfBounds)
      implements Delivery {
    static S3Delivery listed(S3Object object, OrderKeyCheck check) {
      long stored = object.lastModified() == null ? 0 : object.lastModified().toEpochMilli();
      OrderKeyCheck.OrderKey key = check.keyOf(object.key(), stored, object.key());
      return new S3Delivery(object.key(), null, null, key.key(), key.outOfBounds());
    }

    S3Delivery withBody(String text, String readETag) {
      return new S3Delivery(position, text, readETag, orderKey, keyOutOfBounds);
    }

    @Override
    public Optional<String> keyWarning() {
      return Optional.ofNullable(keyOutOfBounds);
    }
  }
}
