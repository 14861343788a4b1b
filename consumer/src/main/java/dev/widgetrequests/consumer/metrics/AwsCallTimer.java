package dev.widgetrequests.consumer.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS call, retries included, as {@code widgets_aws_calls_seconds} by service (as the
 * SDK names it: S3, Sqs, DynamoDb), operation and outcome ({@code ok} or {@code error}): the
 * source's and the store's latency.
 */
public final class AwsCallTimer implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> STARTED =
      new ExecutionAttribute<>("widgets.call.started");

  private final MeterRegistry registry;

  /** One timer per service, operation and outcome: building and registering one per call costs. */
  private final Map<Call, Timer> timers = new ConcurrentHashMap<>();

  private record Call(String service, String operation, String outcome) {}

  public AwsCallTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    record(attributes, "ok");
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    record(attributes, "error");
  }

  private void record(ExecutionAttributes attributes, String outcome) {
    Long started = attributes.getAttribute(STARTED);
    if (started == null) {
      return;
    }
    String service = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    String operation =
        String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    timers
        .computeIfAbsent(
            new Call(service, operation, outcome),
            call ->
                Timer.builder("widgets.aws.calls")
                    .tag("service", call.service())
                    .tag("operation", call.operation())
                    .tag("outcome", call.outcome())
                    .serviceLevelObjectives(ConsumerMetrics.BUCKETS)
                    .register(registry))
        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
