package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 conditional writes and deletes answer as AWS does, one request at a time. */
@ExtendWith(LocalStackExtension.class)
class ConditionalDeleteIT {
  private static String bucket;

  @BeforeAll
  static void createBucket(LocalStack stack) {
    bucket = stack.createBucket(stack.uniqueName("conditional"));
  }

  @Test
  void deleteIfMatch_withTheObjectsETag_deletesIt(LocalStack stack) {
    S3Client s3 = stack.s3();
    String eTag = put(s3, "matching", "body");

    s3.deleteObject(r -> r.bucket(bucket).key("matching").ifMatch(eTag));

    assertThat(exists(s3, "matching")).isFalse();
  }

  @Test
  void deleteIfMatch_withAnotherETag_answers412AndKeepsTheObject(LocalStack stack) {
    S3Client s3 = stack.s3();
    String old = put(s3, "changed", "first");
    put(s3, "changed", "second");

    assertThatThrownBy(() -> s3.deleteObject(r -> r.bucket(bucket).key("changed").ifMatch(old)))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(412);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
            });
    assertThat(exists(s3, "changed")).isTrue();
  }

  @Test
  void deleteIfMatch_onAMissingKey_answers404(LocalStack stack) {
    S3Client s3 = stack.s3();

    assertThatThrownBy(
            () -> s3.deleteObject(r -> r.bucket(bucket).key("never-written").ifMatch("\"abc\"")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void deleteWithoutCondition_afterAFailedConditionalOne_stillDeletes(LocalStack stack) {
    S3Client s3 = stack.s3();
    String old = put(s3, "unconditional", "first");
    put(s3, "unconditional", "second");
    assertThatThrownBy(
            () -> s3.deleteObject(r -> r.bucket(bucket).key("unconditional").ifMatch(old)))
        .isInstanceOf(S3Exception.class);

    s3.deleteObject(r -> r.bucket(bucket).key("unconditional"));

    assertThat(exists(s3, "unconditional")).isFalse();
  }

  @Test
  void putIfMatch_onAMissingKey_answers404(LocalStack stack) {
    S3Client s3 = stack.s3();

    assertThatThrownBy(
            () ->
                s3.putObject(
                    r -> r.bucket(bucket).key("absent").ifMatch("\"abc\""),
                    RequestBody.fromString("body")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void putIfNoneMatchStar_onAnExistingKey_answers412AndKeepsTheObject(LocalStack stack) {
    S3Client s3 = stack.s3();
    put(s3, "taken", "first");

    assertThatThrownBy(
            () ->
                s3.putObject(
                    r -> r.bucket(bucket).key("taken").ifNoneMatch("*"),
                    RequestBody.fromString("second")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("taken")).asUtf8String())
        .isEqualTo("first");
  }

  private static String put(S3Client s3, String key, String body) {
    return s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body)).eTag();
  }

  private static boolean exists(S3Client s3, String key) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }
}
