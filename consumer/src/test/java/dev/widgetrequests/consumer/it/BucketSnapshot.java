package dev.widgetrequests.consumer.it;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Every key of a bucket with its ETag, to tell what changed between two moments. */
record BucketSnapshot(String bucket, Map<String, String> etags) {

  static BucketSnapshot of(S3Client s3, String bucket) {
    Map<String, String> etags = new TreeMap<>();
    for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
      etags.put(object.key(), object.eTag());
    }
    return new BucketSnapshot(bucket, etags);
  }

  /** Keys of this snapshot that are gone or changed in {@code later}. */
  Map<String, String> changedIn(BucketSnapshot later) {
    Map<String, String> changed = new TreeMap<>();
    etags.forEach(
        (key, etag) -> {
          String now = later.etags().get(key);
          if (!etag.equals(now)) {
            changed.put(key, now == null ? "gone" : "changed");
          }
        });
    return changed;
  }
}
