package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RequestApiTest {
  private final Synth.Synthesised widgets = Synth.widgets();
  private final Template template = widgets.template();

  @Test
  void function_runsTheProjectJarOnJava21_withSnapStart_andTheQueueUrl() {
    Map<String, Object> function = widgets.properties(widgets.stack().api().function());
    assertThat(function)
        .containsEntry("Runtime", "java21")
        .containsEntry("Architectures", List.of("arm64"))
        .containsEntry("Handler", "dev.widgetrequests.lambda.WidgetRequestHandler::handleRequest")
        .containsEntry("MemorySize", 512)
        .containsEntry("Timeout", 15)
        .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
        .containsEntry(
            "Environment",
            Map.of(
                "Variables",
                Map.of("REQUEST_QUEUE_URL", widgets.ref(widgets.stack().queues().queue()))));
    assertThat(function.get("Code").toString()).contains(".jar");
  }

  @Test
  void function_logsToItsOwnGroup_keptAYear() {
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "LoggingConfig",
                Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("ApiFunctionLogs.*"))))));
    template.hasResourceProperties(
        "AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 365)));
  }

  @Test
  void handlerRole_writesItsLogs_andSendsToTheRequestQueue_only() {
    String roleId = widgets.id(widgets.stack().api().function().getRole());
    assertThat(widgets.resource(roleId))
        .extractingByKey("Properties")
        .isEqualTo(
            Map.of(
                "AssumeRolePolicyDocument",
                    Map.of(
                        "Version",
                        "2012-10-17",
                        "Statement",
                        List.of(
                            Map.of(
                                "Action", "sts:AssumeRole",
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "lambda.amazonaws.com")))),
                "Policies",
                    List.of(
                        Map.of(
                            "PolicyName",
                            "request-handler",
                            "PolicyDocument",
                            Map.of(
                                "Version",
                                "2012-10-17",
                                "Statement",
                                List.of(
                                    Map.of(
                                        "Sid",
                                        "WriteOwnLogs",
                                        "Effect",
                                        "Allow",
                                        "Action",
                                        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                        "Resource",
                                        Map.of("Fn::GetAtt", List.of(functionLogGroupId(), "Arn"))),
                                    Map.of(
                                        "Sid", "QueueRequests",
                                        "Effect", "Allow",
                                        "Action", "sqs:SendMessage",
                                        "Resource",
                                            widgets.arn(widgets.stack().queues().queue()))))))));
    // No managed policy, no other policy attached to the role.
    template.resourcePropertiesCountIs(
        "AWS::IAM::Policy", Match.objectLike(Map.of("Roles", List.of(Map.of("Ref", roleId)))), 0);
  }

  @Test
  void api_routesPostWidgetRequests_toTheLiveAliasOfAPublishedVersion() {
    template.resourceCountIs("AWS::ApiGatewayV2::Route", 1);
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Route",
        Match.objectLike(Map.of("RouteKey", "POST /widget-requests", "AuthorizationType", "NONE")));
    template.resourceCountIs("AWS::Lambda::Version", 1);
    template.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Integration",
        Match.objectLike(
            Map.of(
                "IntegrationType", "AWS_PROXY",
                "PayloadFormatVersion", "2.0",
                "IntegrationUri", Map.of("Ref", Match.stringLikeRegexp("ApiLive.*")))));
    template.hasResourceProperties(
        "AWS::Lambda::Permission",
        Match.objectLike(
            Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "apigateway.amazonaws.com",
                "FunctionName", Map.of("Ref", Match.stringLikeRegexp("ApiLive.*")))));
  }

  @Test
  void stage_isThrottled_andLogsAccess() {
    template.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Stage",
        Match.objectLike(
            Map.of(
                "StageName",
                "$default",
                "AutoDeploy",
                true,
                "DefaultRouteSettings",
                Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100),
                "AccessLogSettings",
                Match.objectLike(
                    Map.of(
                        "DestinationArn",
                        Map.of(
                            "Fn::GetAtt",
                            List.of(Match.stringLikeRegexp("ApiAccessLogs.*"), "Arn")))))));
  }

  private String functionLogGroupId() {
    return widgets.id(widgets.stack().api().getNode().findChild("FunctionLogs"));
  }
}
