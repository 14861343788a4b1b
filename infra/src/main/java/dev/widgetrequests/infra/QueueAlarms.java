package dev.widgetrequests.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Two alarms, both notifying one SNS topic: a dead letter exists (someone must look at it), and the
 * oldest waiting request is older than the threshold (the consumers are down or cannot keep up).
 */
public final class QueueAlarms extends Construct {
  private final Topic topic;
  private final Alarm deadLetters;
  private final Alarm oldestMessage;

  public QueueAlarms(Construct scope, String id, InfraSettings settings, RequestQueues queues) {
    super(scope, id);
    topic =
        Topic.Builder.create(this, "Topic")
            .displayName("Widget Requests alarms")
            .enforceSsl(true)
            .build();
    if (settings.alarmEmail() != null) {
      topic.addSubscription(new EmailSubscription(settings.alarmEmail()));
    }
    Nag.acknowledge(
        topic,
        "AwsSolutions-SNS2",
        "Alarm notifications carry no request data; CloudWatch cannot publish to a"
            + " topic under the AWS-managed key, and a customer key costs more than"
            + " the rest at idle.");
    Duration period = Duration.minutes(5);
    deadLetters =
        Alarm.Builder.create(this, "DeadLetters")
            .alarmDescription("Requests are in the dead-letter queue: look at them, then redrive")
            .metric(
                queues
                    .deadLetters()
                    .metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().statistic("Maximum").period(period).build()))
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .threshold(0)
            .evaluationPeriods(1)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    oldestMessage =
        Alarm.Builder.create(this, "OldestRequest")
            .alarmDescription("Requests wait too long: consumers are down or cannot keep up")
            .metric(
                queues
                    .queue()
                    .metricApproximateAgeOfOldestMessage(
                        MetricOptions.builder().statistic("Maximum").period(period).build()))
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .threshold(settings.oldestMessageAlarmSeconds())
            .evaluationPeriods(1)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    deadLetters.addAlarmAction(new SnsAction(topic));
    oldestMessage.addAlarmAction(new SnsAction(topic));
  }

  public Alarm deadLetters() {
    return deadLetters;
  }

  public Alarm oldestMessage() {
    return oldestMessage;
  }

  public Topic topic() {
    return topic;
  }
}
