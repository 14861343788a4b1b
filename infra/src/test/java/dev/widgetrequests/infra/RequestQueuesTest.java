package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class RequestQueuesTest {
  private final Synth.Synthesised widgets = Synth.widgets();

  @Test
  void requestQueue_isStandardEncrypted_andRedrivesToTheDeadLetterQueue() {
    RequestQueues queues = widgets.stack().queues();
    assertThat(widgets.properties(queues.queue()))
        .isEqualTo(
            Map.of(
                "QueueName",
                "widget-requests",
                "SqsManagedSseEnabled",
                true,
                "MessageRetentionPeriod",
                1_209_600,
                "VisibilityTimeout",
                60,
                "RedrivePolicy",
                Map.of(
                    "deadLetterTargetArn",
                    widgets.arn(queues.deadLetters()),
                    "maxReceiveCount",
                    5)));
  }

  @Test
  void deadLetterQueue_isEncrypted_keepsMessagesTheLongest_andTakesThemFromTheRequestQueueOnly() {
    Map<String, Object> properties = widgets.properties(widgets.stack().queues().deadLetters());
    assertThat(properties)
        .containsEntry("QueueName", "widget-requests-dlq")
        .containsEntry("SqsManagedSseEnabled", true)
        .containsEntry("MessageRetentionPeriod", 1_209_600)
        .containsOnlyKeys(
            "QueueName", "SqsManagedSseEnabled", "MessageRetentionPeriod", "RedriveAllowPolicy");
    @SuppressWarnings("unchecked")
    Map<String, Object> allow = (Map<String, Object>) properties.get("RedriveAllowPolicy");
    assertThat(allow).containsEntry("redrivePermission", "byQueue");
    assertThat(allow.get("sourceQueueArns"))
        .isEqualTo(
            List.of(
                Map.of(
                    "Fn::Join",
                    List.of(
                        "",
                        List.of(
                            "arn:",
                            Map.of("Ref", "AWS::Partition"),
                            ":sqs:",
                            Map.of("Ref", "AWS::Region"),
                            ":",
                            Map.of("Ref", "AWS::AccountId"),
                            ":widget-requests")))));
  }

  @Test
  void bothQueuePolicies_denyRequestsWithoutTls() {
    widgets.template().resourceCountIs("AWS::SQS::QueuePolicy", 2);
    widgets
        .template()
        .allResourcesProperties(
            "AWS::SQS::QueuePolicy",
            Match.objectLike(
                Map.of(
                    "PolicyDocument",
                    Map.of(
                        "Version",
                        "2012-10-17",
                        "Statement",
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Effect", "Deny",
                                    "Action", "sqs:*",
                                    "Condition",
                                        Map.of(
                                            "Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void maxReceiveCount_andVisibility_comeFromTheSettings() {
    InfraSettings d = Synth.defaults();
    InfraSettings custom =
        new InfraSettings(
            d.lambdaJar(),
            d.imageTag(),
            d.widgetStore(),
            d.partitionKey(),
            9,
            45,
            d.minTasks(),
            d.maxTasks(),
            d.backlogPerTask(),
            d.oldestMessageAlarmSeconds(),
            d.apiRateLimit(),
            d.apiBurstLimit(),
            d.alarmEmail());
    software.amazon.awscdk.App app = Synth.app();
    software.amazon.awscdk.Stack stack = new software.amazon.awscdk.Stack(app, "Queues");
    RequestQueues queues = new RequestQueues(stack, "Queues", custom);
    software.amazon.awscdk.assertions.Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::SQS::Queue",
            Match.objectLike(
                Map.of(
                    "VisibilityTimeout",
                    45,
                    "RedrivePolicy",
                    Match.objectLike(Map.of("maxReceiveCount", 9)))));
    assertThat(queues.queue()).isNotNull();
  }
}
