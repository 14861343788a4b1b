package dev.widgetrequests.aws.source.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.source.Resolution;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A request object is deleted only if it still holds the request that was read (If-Match the ETag
 * of the read): one rewritten in between is a new request, left for the next poll.
 */
@ExtendWith(LocalStackExtension.class)
class S3RequestSourceIT {
  private static final String FIRST =
      "{\"type\":\"delete\",\"requestId\":\"r1\",\"widgetId\":\"w1\",\"owner\":\"o\"}";
  private static final String SECOND =
      "{\"type\":\"delete\",\"requestId\":\"r2\",\"widgetId\":\"w1\",\"owner\":\"o\"}";

  @Test
  void acknowledge_ofAnObjectRewrittenSinceItWasRead_leavesTheNewRequest(LocalStack stack)
      throws Exception {
    String bucket = stack.createBucket(stack.uniqueName("requests"));
    put(stack, bucket, "k1", FIRST);
    S3RequestSource source =
        new S3RequestSource(stack.s3(), bucket, "rejected/", Duration.ZERO, 10);
    S3RequestSource.S3Delivery read =
        ((Resolution.Ready<S3RequestSource.S3Delivery>) source.resolve(source.poll().getFirst()))
            .delivery();

    put(stack, bucket, "k1", SECOND);
    source.acknowledge(read);

    assertThat(read.body()).isEqualTo(FIRST);
    assertThat(body(stack, bucket, "k1")).isEqualTo(SECOND);
    S3RequestSource.S3Delivery again =
        ((Resolution.Ready<S3RequestSource.S3Delivery>) source.resolve(source.poll().getFirst()))
            .delivery();
    assertThat(again.body()).isEqualTo(SECOND);
    source.acknowledge(again);
    assertThat(exists(stack, bucket, "k1")).isFalse();
  }

  @Test
  void deadLetter_ofAnObjectRewrittenSinceItWasRead_keepsTheRejectedCopyAndTheNewRequest(
      LocalStack stack) throws Exception {
    String bucket = stack.createBucket(stack.uniqueName("requests"));
    put(stack, bucket, "k1", FIRST);
    S3RequestSource source =
        new S3RequestSource(stack.s3(), bucket, "rejected/", Duration.ZERO, 10);
    S3RequestSource.S3Delivery read =
        ((Resolution.Ready<S3RequestSource.S3Delivery>) source.resolve(source.poll().getFirst()))
            .delivery();

    put(stack, bucket, "k1", SECOND);
    source.deadLetter(read, "owner is wrong");

    assertThat(body(stack, bucket, "rejected/k1")).isEqualTo(FIRST);
    assertThat(body(stack, bucket, "k1")).isEqualTo(SECOND);
  }

  private static void put(LocalStack stack, String bucket, String key, String body) {
    stack.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  private static String body(LocalStack stack, String bucket, String key) {
    return stack.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
  }

  private static boolean exists(LocalStack stack, String bucket, String key) {
    try {
      stack.s3().headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException gone) {
      return false;
    }
  }
}
