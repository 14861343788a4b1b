package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RequestStorageTest {
  private final Synth.Synthesised widgets = Synth.widgets();
  private final Template template = widgets.template();

  @Test
  void fourBuckets_eachVersionedPrivateOwnerEnforcedAndKept() {
    template.resourceCountIs("AWS::S3::Bucket", 4);
    template.allResources(
        "AWS::S3::Bucket",
        Map.of(
            "DeletionPolicy",
            "Retain",
            "Properties",
            Match.objectLike(
                Map.of(
                    "VersioningConfiguration",
                    Map.of("Status", "Enabled"),
                    "LifecycleConfiguration",
                    Map.of("Rules", Match.arrayWith(List.of(expireOldVersions()))),
                    "PublicAccessBlockConfiguration",
                    Map.of(
                        "BlockPublicAcls", true,
                        "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true,
                        "RestrictPublicBuckets", true),
                    "OwnershipControls",
                    Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))))));
  }

  @Test
  void dataBuckets_useSseKmsWithTheAwsManagedKeyAndABucketKey_accessLogsSseS3() {
    RequestStorage storage = widgets.stack().storage();
    for (var bucket : List.of(storage.requests(), storage.widgets(), storage.payloads())) {
      assertThat(widgets.properties(bucket))
          .containsEntry(
              "BucketEncryption",
              Map.of(
                  "ServerSideEncryptionConfiguration",
                  List.of(
                      Map.of(
                          "BucketKeyEnabled",
                          true,
                          "ServerSideEncryptionByDefault",
                          Map.of("SSEAlgorithm", "aws:kms")))));
    }
    template.resourcePropertiesCountIs(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of(
                "BucketEncryption",
                Map.of(
                    "ServerSideEncryptionConfiguration",
                    List.of(
                        Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "LoggingConfiguration",
                Match.absent())),
        1);
  }

  @Test
  void everyBucketPolicy_deniesRequestsWithoutTls() {
    template.resourceCountIs("AWS::S3::BucketPolicy", 4);
    template.allResourcesProperties(
        "AWS::S3::BucketPolicy",
        Match.objectLike(
            Map.of(
                "PolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        Match.arrayWith(
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "Effect",
                                        "Deny",
                                        "Action",
                                        "s3:*",
                                        "Principal",
                                        Map.of("AWS", "*"),
                                        "Condition",
                                        Map.of(
                                            "Bool",
                                            Map.of("aws:SecureTransport", "false")))))))))));
  }

  @Test
  void requestBucket_expiresRejectedRequests_andLogsAccess() {
    assertThat(widgets.properties(widgets.stack().storage().requests()))
        .containsEntry(
            "LifecycleConfiguration",
            Map.of(
                "Rules",
                List.of(
                    Map.of(
                        "Id", "expire-rejected",
                        "Prefix", "rejected/",
                        "ExpirationInDays", RequestStorage.REJECTED_DAYS,
                        "Status", "Enabled"),
                    abortUploads(),
                    expireOldVersions())))
        .containsKey("LoggingConfiguration");
  }

  @Test
  void payloadBucket_expiresOrphanedPayloadsAfterTheLongestMessageLife() {
    assertThat(RequestStorage.PAYLOAD_DAYS).isGreaterThan(14);
    assertThat(widgets.properties(widgets.stack().storage().payloads()))
        .containsEntry(
            "LifecycleConfiguration",
            Map.of(
                "Rules",
                List.of(
                    Map.of(
                        "Id",
                        "expire-orphaned-payloads",
                        "ExpirationInDays",
                        RequestStorage.PAYLOAD_DAYS,
                        "AbortIncompleteMultipartUpload",
                        Map.of("DaysAfterInitiation", 1),
                        "Status",
                        "Enabled"),
                    expireOldVersions())));
  }

  @Test
  void widgetBucket_keepsWidgets_andAbortsStaleUploads() {
    assertThat(widgets.properties(widgets.stack().storage().widgets()))
        .containsEntry(
            "LifecycleConfiguration", Map.of("Rules", List.of(abortUploads(), expireOldVersions())))
        .containsKey("LoggingConfiguration");
  }

  private static Map<String, Object> expireOldVersions() {
    return Map.of(
        "Id",
        "expire-old-versions",
        "NoncurrentVersionExpiration",
        Map.of("NoncurrentDays", RequestStorage.OLD_VERSION_DAYS),
        "ExpiredObjectDeleteMarker",
        true,
        "Status",
        "Enabled");
  }

  private static Map<String, Object> abortUploads() {
    return Map.of(
        "Id", "abort-incomplete-uploads",
        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1),
        "Status", "Enabled");
  }
}
