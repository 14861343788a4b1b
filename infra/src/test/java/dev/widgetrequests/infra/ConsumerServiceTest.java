package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ConsumerServiceTest {
  private final Synth.Synthesised widgets = Synth.widgets();
  private final Template template = widgets.template();

  @Test
  void cluster_publishesContainerInsights_forRunningTaskCount() {
    template.hasResourceProperties(
        "AWS::ECS::Cluster",
        Map.of(
            "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
  }

  @Test
  void task_runsTheConsumerImageAtItsTag_withItsOptions_andDrainsBeforeTheKill() {
    WidgetsStack stack = widgets.stack();
    template.hasResourceProperties(
        "AWS::ECS::TaskDefinition",
        Match.objectLike(
            Map.of(
                "Cpu", "256",
                "Memory", "512",
                "RequiresCompatibilities", List.of("FARGATE"),
                "RuntimePlatform",
                    Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"),
                "TaskRoleArn", widgets.arn(stack.consumer().taskRole()),
                "ContainerDefinitions",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Name",
                                "widgets-consumer",
                                "Essential",
                                true,
                                "StopTimeout",
                                40,
                                "Image",
                                Match.objectLike(
                                    Map.of(
                                        "Fn::Join",
                                        List.of("", Match.arrayWith(List.of(":1.0.0"))))),
                                "Command",
                                List.of(
                                    "-rq",
                                    widgets.ref(stack.queues().queue()),
                                    "--payload-bucket",
                                    widgets.ref(stack.storage().payloads()),
                                    "-dwt",
                                    widgets.ref(stack.table().table()),
                                    "--dynamodb-key-attribute",
                                    "id",
                                    "-r",
                                    Map.of("Ref", "AWS::Region"),
                                    "--log-file",
                                    "none"),
                                "LogConfiguration",
                                Match.objectLike(
                                    Map.of(
                                        "LogDriver",
                                        "awslogs",
                                        "Options",
                                        Match.objectLike(
                                            Map.of("awslogs-stream-prefix", "consumer"))))))))));
    // The drain: the long-poll wait (10 s) plus requests in flight, well inside the timeout.
    assertThat(ConsumerService.STOP_TIMEOUT.toSeconds().intValue()).isGreaterThan(10 + 20);
  }

  @Test
  void service_runsOnFargateInPublicSubnets_andRollsBackFailedDeployments() {
    template.hasResourceProperties(
        "AWS::ECS::Service",
        Match.objectLike(
            Map.of(
                "LaunchType", "FARGATE",
                "DeploymentConfiguration",
                    Match.objectLike(
                        Map.of(
                            "MinimumHealthyPercent", 100,
                            "MaximumPercent", 200,
                            "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))),
                "NetworkConfiguration",
                    Map.of(
                        "AwsvpcConfiguration",
                        Match.objectLike(Map.of("AssignPublicIp", "ENABLED"))))));
    template.resourceCountIs("AWS::EC2::NatGateway", 0);
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroup",
        Match.objectLike(Map.of("SecurityGroupIngress", Match.absent())));
  }

  @Test
  void logs_areKeptAYear_encryptedWithTheStacksLogKey() {
    String key = widgets.id(widgets.stack().getNode().findChild("Logs").getNode().findChild("Key"));
    template.resourcePropertiesCountIs(
        "AWS::Logs::LogGroup",
        Map.of("RetentionInDays", 365, "KmsKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))),
        3);
    template.resourceCountIs("AWS::Logs::LogGroup", 3);
    template.hasResourceProperties(
        "AWS::KMS::Key",
        Match.objectLike(
            Map.of(
                "EnableKeyRotation",
                true,
                "KeyPolicy",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        Match.arrayWith(
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "Sid",
                                        "CloudWatchLogsOfThisAccount",
                                        "Condition",
                                        Match.objectLike(
                                            Map.of(
                                                "ArnLike",
                                                Map.of(
                                                    "kms:EncryptionContext:aws:logs:arn",
                                                    Match.anyValue()))))))))))));
  }

  @Test
  void container_runsAsTheImagesUser_onAReadOnlyRoot_withAWritableTmp_andAMemoryLimit() {
    template.hasResourceProperties(
        "AWS::ECS::TaskDefinition",
        Match.objectLike(
            Map.of(
                "Volumes",
                List.of(Map.of("Name", "tmp")),
                "ContainerDefinitions",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "User",
                            "10001:0",
                            "ReadonlyRootFilesystem",
                            true,
                            "Memory",
                            512,
                            "MountPoints",
                            List.of(
                                Map.of(
                                    "ContainerPath", "/tmp",
                                    "SourceVolume", "tmp",
                                    "ReadOnly", false))))))));
  }

  @Test
  void subnets_giveNoPublicIpOnLaunch_andS3AndDynamoDbHaveGatewayEndpoints() {
    template.resourcePropertiesCountIs("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false), 2);
    template.resourceCountIs("AWS::EC2::Subnet", 2);
    template.resourcePropertiesCountIs(
        "AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway"), 2);
  }

  @Test
  void scaling_tracksVisibleMessagesPerRunningTask() {
    WidgetsStack stack = widgets.stack();
    template.hasResourceProperties(
        "AWS::ApplicationAutoScaling::ScalableTarget",
        Map.of(
            "ServiceNamespace",
            "ecs",
            "ScalableDimension",
            "ecs:service:DesiredCount",
            "MinCapacity",
            1,
            "MaxCapacity",
            4,
            "ResourceId",
            Match.anyValue()));
    String cluster = widgets.id(stack.consumer().cluster());
    String service = widgets.id(stack.consumer().service());
    template.hasResourceProperties(
        "AWS::ApplicationAutoScaling::ScalingPolicy",
        Map.of(
            "PolicyName",
            "backlog-per-task",
            "PolicyType",
            "TargetTrackingScaling",
            "ScalingTargetId",
            Map.of("Ref", Match.stringLikeRegexp("ConsumerScalingTarget.*")),
            "TargetTrackingScalingPolicyConfiguration",
            Map.of(
                "TargetValue", 100,
                "ScaleOutCooldown", 60,
                "ScaleInCooldown", 120,
                "CustomizedMetricSpecification",
                    Map.of(
                        "Metrics",
                        List.of(
                            metric(
                                "visible",
                                "AWS/SQS",
                                "ApproximateNumberOfMessagesVisible",
                                List.of(
                                    Map.of(
                                        "Name",
                                        "QueueName",
                                        "Value",
                                        Map.of(
                                            "Fn::GetAtt",
                                            List.of(
                                                widgets.id(stack.queues().queue()),
                                                "QueueName"))))),
                            metric(
                                "tasks",
                                "ECS/ContainerInsights",
                                "RunningTaskCount",
                                List.of(
                                    Map.of("Name", "ClusterName", "Value", Map.of("Ref", cluster)),
                                    Map.of(
                                        "Name",
                                        "ServiceName",
                                        "Value",
                                        Map.of("Fn::GetAtt", List.of(service, "Name"))))),
                            Map.of(
                                "Id", "backlog_per_task",
                                "Label", "Backlog per task",
                                "Expression", "visible / tasks",
                                "ReturnData", true))))));
  }

  private static Map<String, Object> metric(
      String id, String namespace, String name, List<Map<String, Object>> dimensions) {
    return Map.of(
        "Id",
        id,
        "ReturnData",
        false,
        "MetricStat",
        Map.of(
            "Stat",
            "Average",
            "Metric",
            Map.of("Namespace", namespace, "MetricName", name, "Dimensions", dimensions)));
  }
}
