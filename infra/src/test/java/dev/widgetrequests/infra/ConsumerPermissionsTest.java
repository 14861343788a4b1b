package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.infra.InfraSettings.WidgetStoreKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Every statement of the consumer's roles, action by action and resource by resource. */
class ConsumerPermissionsTest {
  private final Synth.Synthesised widgets = Synth.widgets();

  @Test
  void taskRole_withTheTableStore_mayDoExactlyWhatTheConsumerCalls() {
    WidgetsStack stack = widgets.stack();
    RequestStorage storage = stack.storage();
    assertThat(taskPolicy(widgets))
        .containsExactly(
            queueStatement(widgets),
            deadLetterStatement(widgets),
            objectStatement(widgets),
            listRequestsStatement(widgets),
            statement(
                "WidgetTableItems",
                List.of(
                    "dynamodb:DescribeTable",
                    "dynamodb:GetItem",
                    "dynamodb:PutItem",
                    "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem",
                    "dynamodb:Query",
                    "dynamodb:Scan"),
                List.of(
                    widgets.arn(stack.table().table()),
                    widgets.arnWith(stack.table().table(), "/index/*"))));
    assertThat(storage).isNotNull();
  }

  @Test
  void taskRole_withTheBucketStore_writesWidgetsAndTheirState_andNoTable() {
    InfraSettings d = Synth.defaults();
    Synth.Synthesised s3 =
        Synth.synthesise(
            new InfraSettings(
                d.lambdaJar(),
                d.imageTag(),
                WidgetStoreKind.S3,
                d.partitionKey(),
                d.maxReceiveCount(),
                d.visibilityTimeoutSeconds(),
                d.minTasks(),
                d.maxTasks(),
                d.backlogPerTask(),
                d.oldestMessageAlarmSeconds(),
                d.apiRateLimit(),
                d.apiBurstLimit(),
                d.alarmEmail()));
    var widgetBucket = s3.stack().storage().widgets();
    assertThat(taskPolicy(s3))
        .containsExactly(
            queueStatement(s3),
            deadLetterStatement(s3),
            objectStatement(s3),
            listRequestsStatement(s3),
            statement(
                "WidgetObjects",
                List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                List.of(
                    s3.arnWith(widgetBucket, "/widgets/*"),
                    s3.arnWith(widgetBucket, "/widget-state/*"))),
            statement("ListWidgetBucket", "s3:ListBucket", s3.arn(widgetBucket)));
    s3.template()
        .hasResourceProperties(
            "AWS::ECS::TaskDefinition",
            Match.objectLike(
                Map.of(
                    "ContainerDefinitions",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Command",
                                List.of(
                                    "-rq",
                                    s3.ref(s3.stack().queues().queue()),
                                    "--payload-bucket",
                                    s3.ref(s3.stack().storage().payloads()),
                                    "-wb",
                                    s3.ref(widgetBucket),
                                    "-r",
                                    Map.of("Ref", "AWS::Region"),
                                    "--log-file",
                                    "none")))))));
  }

  @Test
  void taskRole_hasNoOtherPolicy() {
    String roleId = widgets.id(widgets.stack().consumer().taskRole());
    widgets
        .template()
        .resourcePropertiesCountIs(
            "AWS::IAM::Policy",
            Match.objectLike(Map.of("Roles", List.of(Map.of("Ref", roleId)))),
            0);
    assertThat(widgets.properties(widgets.stack().consumer().taskRole()))
        .containsEntry(
            "AssumeRolePolicyDocument",
            Map.of(
                "Version",
                "2012-10-17",
                "Statement",
                List.of(
                    Map.of(
                        "Action", "sts:AssumeRole",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "ecs-tasks.amazonaws.com")))))
        .doesNotContainKey("ManagedPolicyArns");
  }

  @Test
  void executionRole_pullsThisRepository_andWritesThisLogGroup() {
    widgets
        .template()
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "PolicyName", Match.stringLikeRegexp("ConsumerTaskExecutionRoleDefaultPolicy.*"),
                "Roles", Match.anyValue(),
                "PolicyDocument",
                    Map.of(
                        "Version",
                        "2012-10-17",
                        "Statement",
                        List.of(
                            Map.of(
                                "Effect", "Allow",
                                "Action",
                                    List.of(
                                        "ecr:BatchCheckLayerAvailability",
                                        "ecr:GetDownloadUrlForLayer",
                                        "ecr:BatchGetImage"),
                                "Resource",
                                    Map.of(
                                        "Fn::ImportValue",
                                        Match.stringLikeRegexp(
                                            "WidgetsConsumerRepository:.*Repository.*Arn.*"))),
                            // GetAuthorizationToken has no resource-level permission: AWS
                            // requires "*".
                            Map.of(
                                "Effect", "Allow",
                                "Action", "ecr:GetAuthorizationToken",
                                "Resource", "*"),
                            Map.of(
                                "Effect", "Allow",
                                "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                "Resource",
                                    Map.of(
                                        "Fn::GetAtt",
                                        List.of(
                                            Match.stringLikeRegexp("ConsumerLogs.*"), "Arn")))))));
  }

  @Test
  void noAllowStatementAnywhere_hasAWildcardAction_orAStarResource_butTheEcrToken() {
    List<Map<String, Object>> allows = allowStatements(widgets);
    assertThat(allows).hasSizeGreaterThanOrEqualTo(10);
    for (Map<String, Object> statement : allows) {
      assertThat(list(statement.get("Action")))
          .as("actions of %s", statement)
          .allSatisfy(action -> assertThat(action.toString()).doesNotContain("*"));
      if (list(statement.get("Resource")).contains("*")) {
        assertThat(statement.get("Action")).isEqualTo("ecr:GetAuthorizationToken");
      }
    }
  }

  /** The Allow statements of every role's inline policies and of every IAM policy resource. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> allowStatements(Synth.Synthesised s) {
    List<Map<String, Object>> documents = new java.util.ArrayList<>();
    s.template()
        .findResources("AWS::IAM::Role")
        .values()
        .forEach(
            role -> {
              Map<String, Object> properties = (Map<String, Object>) role.get("Properties");
              for (Object policy : list(properties.get("Policies"))) {
                documents.add(
                    (Map<String, Object>) ((Map<String, Object>) policy).get("PolicyDocument"));
              }
            });
    s.template()
        .findResources("AWS::IAM::Policy")
        .values()
        .forEach(
            policy ->
                documents.add(
                    (Map<String, Object>)
                        ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument")));
    return documents.stream()
        .flatMap(document -> list(document.get("Statement")).stream())
        .map(statement -> (Map<String, Object>) statement)
        .filter(statement -> "Allow".equals(statement.get("Effect")))
        .toList();
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : value instanceof List<?> l ? l : List.of(value);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> taskPolicy(Synth.Synthesised s) {
    Map<String, Object> properties = s.properties(s.stack().consumer().taskRole());
    List<Map<String, Object>> policies = (List<Map<String, Object>>) properties.get("Policies");
    assertThat(policies).hasSize(1);
    assertThat(policies.get(0)).containsEntry("PolicyName", "widgets-consumer");
    Map<String, Object> document = (Map<String, Object>) policies.get(0).get("PolicyDocument");
    assertThat(document).containsEntry("Version", "2012-10-17");
    return (List<Object>) document.get("Statement");
  }

  private static Map<String, Object> queueStatement(Synth.Synthesised s) {
    return statement(
        "ConsumeRequestQueue",
        List.of(
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:GetQueueAttributes",
            "sqs:GetQueueUrl"),
        s.arn(s.stack().queues().queue()));
  }

  private static Map<String, Object> deadLetterStatement(Synth.Synthesised s) {
    return statement(
        "DeadLetterInvalidRequests",
        List.of("sqs:GetQueueUrl", "sqs:SendMessage"),
        s.arn(s.stack().queues().deadLetters()));
  }

  private static Map<String, Object> objectStatement(Synth.Synthesised s) {
    return statement(
        "ReadAndDeleteRequestObjects",
        List.of("s3:GetObject", "s3:DeleteObject"),
        List.of(
            s.arnWith(s.stack().storage().requests(), "/*"),
            s.arnWith(s.stack().storage().payloads(), "/*")));
  }

  private static Map<String, Object> listRequestsStatement(Synth.Synthesised s) {
    return statement("ListRequestBucket", "s3:ListBucket", s.arn(s.stack().storage().requests()));
  }

  private static Map<String, Object> statement(String sid, Object actions, Object resources) {
    return Map.of("Sid", sid, "Effect", "Allow", "Action", actions, "Resource", resources);
  }
}
