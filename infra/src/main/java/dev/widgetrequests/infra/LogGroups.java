package dev.widgetrequests.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The stack's log groups (the function's, the API's access log, the consumer's): kept a year, and
 * encrypted with one customer managed key, rotated yearly, that CloudWatch Logs may use for this
 * account's log groups in this region only. The logs hold request data (an invalid request is
 * logged whole where there is no dead-letter queue), so they are encrypted under a key whose use
 * CloudTrail records and whose policy says who may read them.
 */
final class LogGroups extends Construct {
  static final RetentionDays RETENTION = RetentionDays.ONE_YEAR;

  private final Key key;

  LogGroups(Construct scope, String id) {
    super(scope, id);
    key =
        Key.Builder.create(this, "Key")
            .description("Widget Requests: encrypts the stack's CloudWatch log groups")
            .enableKeyRotation(true)
            // Deleted with the log groups it encrypts (after the pending window of 30 days).
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    String logGroups =
        Stack.of(this)
            .formatArn(
                ArnComponents.builder()
                    .service("logs")
                    .resource("log-group")
                    .resourceName("*")
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                    .build());
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("CloudWatchLogsOfThisAccount")
            .principals(List.of(new ServicePrincipal("logs." + Aws.REGION + ".amazonaws.com")))
            .actions(
                List.of(
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:Describe*"))
            .resources(List.of("*"))
            .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", logGroups)))
            .build());
    // Only AWS services, for AWS resources, may create grants on the key.
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("GrantsForAwsServicesOnly")
            .effect(Effect.DENY)
            .principals(List.of(new AnyPrincipal()))
            .actions(List.of("kms:CreateGrant"))
            .resources(List.of("*"))
            .conditions(
                Map.of(
                    "BoolIfExists",
                    // Sorted: the same template on every run.
                    new TreeMap<>(
                        Map.of(
                            "kms:GrantIsForAWSResource", "false",
                            "aws:PrincipalIsAWSService", "false"))))
            .build());
  }

  /** A log group in {@code scope}, kept a year, encrypted with the key. */
  LogGroup create(Construct scope, String id) {
    return LogGroup.Builder.create(scope, id)
        .retention(RETENTION)
        .encryptionKey(key)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
  }

  Key key() {
    return key;
  }
}
