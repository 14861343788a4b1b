package dev.widgetrequests.cli.redrive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Moves rejected request objects ({@code rejected/KEY}) back to {@code KEY} in their bucket, where
 * the consumer takes them up again. Copied first, then deleted: nothing is lost on a crash.
 */
final class RejectedObjectRedrive {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  RejectedObjectRedrive(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /** Redrives what {@code selection} takes; ends early, between two objects, on a stop. */
  List<Redriven> run(Selection selection, Consumer<Redriven> each, BooleanSupplier stopRequested) {
    List<Redriven> taken = new ArrayList<>();
    List<S3Object> objects =
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
            .toList(); // listed before any is moved, so a moved one is never seen twice
    for (S3Object object : objects) {
      if (taken.size() >= selection.max() || stopRequested.getAsBoolean()) {
        break;
      }
      String key = object.key();
      String original = key.substring(prefix.length());
      if (original.isEmpty()) {
        continue;
      }
      Map<String, String> metadata = s3.headObject(r -> r.bucket(bucket).key(key)).metadata();
      String reason = metadata.get("rejection-reason");
      if (!selection.matches(reason)) {
        continue;
      }
      Redriven redriven = new Redriven(key, reason, "s3://" + bucket + "/" + original);
      if (!selection.dryRun()) {
        s3.copyObject(
            r ->
                r.sourceBucket(bucket)
                    .sourceKey(key)
                    .destinationBucket(bucket)
                    .destinationKey(original)
                    .metadataDirective("REPLACE")); // the rejection's metadata stays behind
        s3.deleteObject(r -> r.bucket(bucket).key(key));
      }
      taken.add(redriven);
      each.accept(redriven);
    }
    return taken;
  }
}
