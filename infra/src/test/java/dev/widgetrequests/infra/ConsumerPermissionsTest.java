package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/**
 * The consumer's roles beyond their statements (which IamDocTest compares with docs/iam.md): no
 * other policy, no wildcard action, the store the consumer is told to use.
 */
class ConsumerPermissionsTest {
  private final Synth.Synthesised widgets = Synth.widgets();

  @Test
  void withTheBucketStore_theConsumerIsGivenTheWidgetBucket() {
    Synth.Synthesised s3 = Synth.bucketStore();
    var widgetBucket = s3.stack().storage().widgets();
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
  void noAllowStatementAnywhere_hasAWildcardAction_orAStarResource_butTheEcrToken() {
    List<Map<String, Object>> allows = allowStatements(widgets);
    assertThat(allows).hasSizeGreaterThanOrEqualTo(9);
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
}
