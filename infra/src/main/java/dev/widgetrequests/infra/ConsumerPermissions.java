package dev.widgetrequests.infra;

import dev.widgetrequests.infra.InfraSettings.WidgetStoreKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The consumer task's role and its IAM statements, each naming the actions the deployed consumer
 * calls and the resources it calls them on (docs/iam.md tells why each is needed; IamDocTest keeps
 * the two equal). Written out rather than {@code grantX(...)}: the grants add actions the consumer
 * never calls (e.g. {@code s3:GetBucket*}, {@code dynamodb:BatchWriteItem}).
 */
final class ConsumerPermissions {
  private ConsumerPermissions() {}

  /** The resources the deployed consumer works on. */
  record Resources(
      IQueue queue, IQueue deadLetters, IBucket payloads, IBucket widgets, ITable table) {}

  /** The task role: these statements inline, the object ARNs' wildcards acknowledged. */
  static Role role(Construct scope, String id, Resources r, WidgetStoreKind store) {
    Role role =
        Role.Builder.create(scope, id)
            .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
            .inlinePolicies(
                Map.of(
                    "widgets-consumer",
                    PolicyDocument.Builder.create().statements(statements(r, store)).build()))
            .build();
    Nag.acknowledgeWildcard(
        role, r.payloads(), "/*", "Payload object keys are made at run time, one per request.");
    if (store == WidgetStoreKind.S3) {
      String widgets = "Widget objects, one per widget id, under the store's two prefixes.";
      Nag.acknowledgeWildcard(role, r.widgets(), "/widgets/*", widgets);
      Nag.acknowledgeWildcard(role, r.widgets(), "/widget-state/*", widgets);
    }
    return role;
  }

  static List<PolicyStatement> statements(Resources r, WidgetStoreKind store) {
    List<PolicyStatement> statements = new ArrayList<>();
    // The consumer is given the queue's URL; it reads the queue's redrive policy and visibility
    // timeout with GetQueueAttributes.
    statements.add(
        allow(
            "ConsumeRequestQueue",
            List.of(
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes"),
            List.of(r.queue().getQueueArn())));
    // The consumer finds the dead-letter queue from the redrive policy (GetQueueUrl by name)
    // and sends invalid requests there.
    statements.add(
        allow(
            "DeadLetterInvalidRequests",
            List.of("sqs:GetQueueUrl", "sqs:SendMessage"),
            List.of(r.deadLetters().getQueueArn())));
    // Claim checks: read the payload object a message points at, delete it once applied. The
    // deployed consumer reads the queue only, so it needs nothing on the request bucket.
    statements.add(
        allow(
            "ReadAndDeletePayloads",
            List.of("s3:GetObject", "s3:DeleteObject"),
            List.of(r.payloads().arnForObjects("*"))));
    switch (store) {
      // DescribeTable at start (TableCheck), then one consistent GetItem and one conditional
      // PutItem per request.
      case DYNAMODB ->
          statements.add(
              allow(
                  "WidgetTableItems",
                  List.of("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem"),
                  List.of(r.table().getTableArn())));
      case S3 -> {
        statements.add(
            allow(
                "WidgetObjects",
                List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                List.of(
                    r.widgets().arnForObjects("widgets/*"),
                    r.widgets().arnForObjects("widget-state/*"))));
        // HeadBucket at start, and listing a widget prefix to find an owner's widgets.
        statements.add(
            allow(
                "ListWidgetBucket", List.of("s3:ListBucket"), List.of(r.widgets().getBucketArn())));
      }
    }
    return statements;
  }

  private static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
    return PolicyStatement.Builder.create()
        .sid(sid)
        .effect(Effect.ALLOW)
        .actions(actions)
        .resources(resources)
        .build();
  }
}
