package dev.widgetrequests.infra;

import java.util.List;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.CustomizedMetricSpecificationProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricDataQueryProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricDimensionProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricStatProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Target tracking on backlog per task: the queue's visible messages divided by the service's
 * running tasks (metric math). Auto Scaling adds tasks while that is above the target and removes
 * them while it is below, between the minimum and the maximum. The target is what one task may have
 * waiting: a task applies up to its concurrency (16) requests at a time, each well under a second,
 * so 100 visible per task is a few seconds of work.
 *
 * <p>Written as CloudFormation resources: the CDK's target-tracking helper takes a plain metric
 * only, not metric math. The scalable target names no role, so Application Auto Scaling uses its
 * service-linked role for ECS.
 */
final class BacklogScaling extends Construct {
  static final String EXPRESSION = "visible / tasks";
  static final int SCALE_OUT_COOLDOWN_SECONDS = 60;
  static final int SCALE_IN_COOLDOWN_SECONDS = 120;

  BacklogScaling(
      Construct scope, String id, InfraSettings settings, FargateService service, IQueue queue) {
    super(scope, id);
    String clusterName = service.getCluster().getClusterName();
    CfnScalableTarget target =
        CfnScalableTarget.Builder.create(this, "Target")
            .serviceNamespace("ecs")
            .scalableDimension("ecs:service:DesiredCount")
            .resourceId("service/" + clusterName + "/" + service.getServiceName())
            .minCapacity(settings.minTasks())
            .maxCapacity(settings.maxTasks())
            .build();
    CfnScalingPolicy.Builder.create(this, "BacklogPerTask")
        .policyName("backlog-per-task")
        .policyType("TargetTrackingScaling")
        .scalingTargetId(target.getRef())
        .targetTrackingScalingPolicyConfiguration(
            TargetTrackingScalingPolicyConfigurationProperty.builder()
                .targetValue(settings.backlogPerTask())
                .scaleOutCooldown(SCALE_OUT_COOLDOWN_SECONDS)
                .scaleInCooldown(SCALE_IN_COOLDOWN_SECONDS)
                .customizedMetricSpecification(
                    CustomizedMetricSpecificationProperty.builder()
                        .metrics(
                            List.of(
                                query(
                                    "visible",
                                    "AWS/SQS",
                                    "ApproximateNumberOfMessagesVisible",
                                    List.of(dimension("QueueName", queue.getQueueName()))),
                                query(
                                    "tasks",
                                    "ECS/ContainerInsights",
                                    "RunningTaskCount",
                                    List.of(
                                        dimension("ClusterName", clusterName),
                                        dimension("ServiceName", service.getServiceName()))),
                                TargetTrackingMetricDataQueryProperty.builder()
                                    .id("backlog_per_task")
                                    .label("Backlog per task")
                                    .expression(EXPRESSION)
                                    .returnData(true)
                                    .build()))
                        .build())
                .build())
        .build();
  }

  private static TargetTrackingMetricDataQueryProperty query(
      String id,
      String namespace,
      String metricName,
      List<TargetTrackingMetricDimensionProperty> dimensions) {
    return TargetTrackingMetricDataQueryProperty.builder()
        .id(id)
        .metricStat(
            TargetTrackingMetricStatProperty.builder()
                .metric(
                    TargetTrackingMetricProperty.builder()
                        .namespace(namespace)
                        .metricName(metricName)
                        .dimensions(dimensions)
                        .build())
                .stat("Average")
                .build())
        .returnData(false)
        .build();
  }

  private static TargetTrackingMetricDimensionProperty dimension(String name, String value) {
    return TargetTrackingMetricDimensionProperty.builder().name(name).value(value).build();
  }
}
