package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** User metadata over S3's 2 KB is refused as S3 refuses it: 400 MetadataTooLarge. */
@ExtendWith(LocalStackExtension.class)
class UserMetadataLimitIT {
  private static String bucket;

  @BeforeAll
  static void createBucket(LocalStack stack) {
    bucket = stack.createBucket(stack.uniqueName("metadata"));
  }

  @Test
  void put_withExactly2KbOfMetadata_isStored(LocalStack stack) {
    S3Client s3 = stack.s3();
    Map<String, String> metadata = metadataOfBytes(2048);

    s3.putObject(r -> r.bucket(bucket).key("at-limit").metadata(metadata), body());

    assertThat(s3.headObject(r -> r.bucket(bucket).key("at-limit")).metadata()).isEqualTo(metadata);
  }

  @Test
  void put_withOneByteOver2Kb_answers400MetadataTooLargeAndStoresNothing(LocalStack stack) {
    S3Client s3 = stack.s3();

    assertMetadataTooLarge(
        () ->
            s3.putObject(
                r -> r.bucket(bucket).key("over-limit").metadata(metadataOfBytes(2049)), body()));
    assertThat(exists(s3, "over-limit")).isFalse();
  }

  @Test
  void put_countsKeysAsWellAsValues(LocalStack stack) {
    S3Client s3 = stack.s3();
    Map<String, String> metadata = Map.of("a", "x".repeat(1024), "b", "y".repeat(1023));

    assertMetadataTooLarge(
        () -> s3.putObject(r -> r.bucket(bucket).key("keys-count").metadata(metadata), body()));
  }

  @Test
  void put_conditionalAndOverTheLimit_answers400AndTheConnectionLivesOn(LocalStack stack) {
    S3Client s3 = stack.s3();

    assertMetadataTooLarge(
        () ->
            s3.putObject(
                r ->
                    r.bucket(bucket)
                        .key("conditional-over")
                        .ifNoneMatch("*")
                        .metadata(metadataOfBytes(4096)),
                body()));
    s3.putObject(r -> r.bucket(bucket).key("conditional-over").ifNoneMatch("*"), body());
    assertThat(exists(s3, "conditional-over")).isTrue();
  }

  @Test
  void copy_replacingMetadataWithMoreThan2Kb_answers400(LocalStack stack) {
    S3Client s3 = stack.s3();
    s3.putObject(r -> r.bucket(bucket).key("copy-source"), body());

    assertMetadataTooLarge(
        () ->
            s3.copyObject(
                r ->
                    r.sourceBucket(bucket)
                        .sourceKey("copy-source")
                        .destinationBucket(bucket)
                        .destinationKey("copy-target")
                        .metadataDirective(MetadataDirective.REPLACE)
                        .metadata(metadataOfBytes(2049))));
    assertThat(exists(s3, "copy-target")).isFalse();
  }

  @Test
  void createMultipartUpload_withMoreThan2Kb_answers400(LocalStack stack) {
    S3Client s3 = stack.s3();

    assertMetadataTooLarge(
        () ->
            s3.createMultipartUpload(
                r -> r.bucket(bucket).key("multipart").metadata(metadataOfBytes(2049))));
  }

  /** One entry {@code m} of {@code bytes - 1} ASCII characters: {@code bytes} bytes in all. */
  private static Map<String, String> metadataOfBytes(int bytes) {
    return Map.of("m", "v".repeat(bytes - 1));
  }

  private static RequestBody body() {
    return RequestBody.fromString("{}");
  }

  private static void assertMetadataTooLarge(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MetadataTooLarge");
            });
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
