package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An ETag covers an object's body only, as on S3 ("The ETag reflects changes only to the contents
 * of an object, not its metadata"; for plain and SSE-S3 objects it is the body's MD5). So {@code
 * If-Match} cannot tell two versions with one body apart: state kept only in user metadata cannot
 * be guarded by it (see docs/decisions/s3-store-writes.md).
 */
@ExtendWith(LocalStackExtension.class)
class ETagScopeIT {
  private static String bucket;

  @BeforeAll
  static void createBucket(LocalStack stack) {
    bucket = stack.createBucket(stack.uniqueName("etag"));
  }

  @Test
  void putIfMatch_afterAnotherWriterChangedOnlyTheMetadata_stillMatches(LocalStack stack) {
    S3Client s3 = stack.s3();
    String read = put(s3, "metadata-only", "{}", Map.of("history", "a"), null);

    String afterOther = put(s3, "metadata-only", "{}", Map.of("history", "a,b"), read);
    String afterStale = put(s3, "metadata-only", "{}", Map.of("history", "a,c"), read);

    assertThat(afterOther).isEqualTo(read);
    assertThat(afterStale).isEqualTo(read);
    assertThat(s3.headObject(r -> r.bucket(bucket).key("metadata-only")).metadata())
        .containsEntry("history", "a,c"); // the other writer's "b" is lost without a 412
  }

  @Test
  void putIfMatch_afterTheBodyWentBackToAnEarlierOne_stillMatches(LocalStack stack) {
    S3Client s3 = stack.s3();
    String first = put(s3, "a-b-a", "{\"label\":\"A\"}", Map.of(), null);
    put(s3, "a-b-a", "{\"label\":\"B\"}", Map.of(), first);
    put(s3, "a-b-a", "{\"label\":\"A\"}", Map.of(), null);

    String stale = put(s3, "a-b-a", "{\"label\":\"C\"}", Map.of(), first);

    assertThat(stale).isNotEqualTo(first);
  }

  /** Puts the object, with {@code If-Match: ifMatch} when given; returns the new ETag. */
  private static String put(
      S3Client s3, String key, String body, Map<String, String> metadata, String ifMatch) {
    return s3.putObject(
            r -> r.bucket(bucket).key(key).metadata(metadata).ifMatch(ifMatch),
            RequestBody.fromString(body))
        .eTag();
  }
}
