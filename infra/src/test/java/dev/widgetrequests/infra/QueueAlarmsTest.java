package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueAlarmsTest {
  private final Synth.Synthesised widgets = Synth.widgets();

  @Test
  void deadLetters_alarmOnTheFirstVisibleMessage_andNotifyTheTopic() {
    WidgetsStack stack = widgets.stack();
    assertThat(widgets.properties(stack.alarms().deadLetters()))
        .containsEntry("Namespace", "AWS/SQS")
        .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
        .containsEntry(
            "Dimensions",
            List.of(
                Map.of(
                    "Name",
                    "QueueName",
                    "Value",
                    Map.of(
                        "Fn::GetAtt",
                        List.of(widgets.id(stack.queues().deadLetters()), "QueueName")))))
        .containsEntry("Statistic", "Maximum")
        .containsEntry("ComparisonOperator", "GreaterThanThreshold")
        .containsEntry("Threshold", 0)
        .containsEntry("EvaluationPeriods", 1)
        .containsEntry("TreatMissingData", "notBreaching")
        .containsEntry("AlarmActions", List.of(widgets.ref(stack.alarms().topic())));
  }

  @Test
  void oldestRequest_alarmsAboveTheThreshold_andNotifiesTheTopic() {
    WidgetsStack stack = widgets.stack();
    assertThat(widgets.properties(stack.alarms().oldestMessage()))
        .containsEntry("MetricName", "ApproximateAgeOfOldestMessage")
        .containsEntry(
            "Dimensions",
            List.of(
                Map.of(
                    "Name",
                    "QueueName",
                    "Value",
                    Map.of(
                        "Fn::GetAtt", List.of(widgets.id(stack.queues().queue()), "QueueName")))))
        .containsEntry("Statistic", "Maximum")
        .containsEntry("Threshold", 600)
        .containsEntry("ComparisonOperator", "GreaterThanThreshold")
        .containsEntry("AlarmActions", List.of(widgets.ref(stack.alarms().topic())));
  }

  @Test
  void topic_takesOnlyTls_andHasNoSubscriptionWithoutAnAddress() {
    widgets.template().resourceCountIs("AWS::SNS::Topic", 1);
    widgets.template().resourceCountIs("AWS::SNS::Subscription", 0);
    widgets
        .template()
        .hasResourceProperties(
            "AWS::SNS::TopicPolicy",
            software.amazon.awscdk.assertions.Match.objectLike(
                Map.of(
                    "PolicyDocument",
                    software.amazon.awscdk.assertions.Match.objectLike(
                        Map.of(
                            "Statement",
                            List.of(
                                software.amazon.awscdk.assertions.Match.objectLike(
                                    Map.of(
                                        "Effect",
                                        "Deny",
                                        "Condition",
                                        Map.of(
                                            "Bool", Map.of("aws:SecureTransport", "false"))))))))));
  }
}
