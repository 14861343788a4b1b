package dev.widgetrequests.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The request handler (the project's function jar) behind an HTTP API route {@code POST
 * /widget-requests}, throttled. The function runs as a published version with SnapStart, through
 * the alias {@code live}; its role may write its own log group and send to the request queue, and
 * nothing else.
 */
public final class RequestApi extends Construct {
  static final String HANDLER = "dev.widgetrequests.lambda.WidgetRequestHandler::handleRequest";

  /** {@code dev.widgetrequests.lambda.HandlerSettings.QUEUE_URL_VARIABLE}. */
  static final String QUEUE_URL_VARIABLE = "REQUEST_QUEUE_URL";

  static final String ROUTE = "/widget-requests";

  private final Function function;
  private final HttpApi api;

  RequestApi(
      Construct scope,
      String id,
      InfraSettings settings,
      Code code,
      IQueue queue,
      LogGroups logGroups) {
    super(scope, id);
    LogGroup logs = logGroups.create(this, "FunctionLogs");
    function =
        Function.Builder.create(this, "Handler")
            .description("Widget Requests: validates one widget request per POST and queues it")
            .runtime(Runtime.JAVA_21)
            .architecture(Architecture.ARM_64)
            .handler(HANDLER)
            .code(code)
            .memorySize(512)
            // The SQS call gives up after 10 s and the function answers 503.
            .timeout(Duration.seconds(15))
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .environment(Map.of(QUEUE_URL_VARIABLE, queue.getQueueUrl()))
            .logGroup(logs)
            .role(role(logs, queue))
            .build();
    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "The alias live points at the function's current published version.");
    Alias live =
        Alias.Builder.create(this, "Live")
            .aliasName("live")
            .version(function.getCurrentVersion())
            .build();
    api = HttpApi.Builder.create(this, "Api").createDefaultStage(false).build();
    HttpStage.Builder.create(this, "DefaultStage")
        .httpApi(api)
        .stageName("$default")
        .autoDeploy(true)
        .throttle(
            ThrottleSettings.builder()
                .rateLimit(settings.apiRateLimit())
                .burstLimit(settings.apiBurstLimit())
                .build())
        .accessLogSettings(
            accessLogs(new LogGroupLogDestination(logGroups.create(this, "AccessLogs"))))
        .build();
    // POST only: other methods get the gateway's 404 and never start (or bill) the function.
    api.addRoutes(
        AddRoutesOptions.builder()
            .path(ROUTE)
            .methods(List.of(HttpMethod.POST))
            .integration(new HttpLambdaIntegration("Handler", live))
            .build());
    Nag.acknowledge(
        function,
        "AwsSolutions-L1",
        "The function jar is built for Java 21 (maven.compiler.release 21), the"
            + " runtime it is tested on.");
    Nag.acknowledge(
        api,
        "AwsSolutions-APIG4",
        "The intake is public, as in the course: the handler validates every request"
            + " and the stage is throttled.");
  }

  public Function function() {
    return function;
  }

  public HttpApi api() {
    return api;
  }

  private static IAccessLogSettings accessLogs(IAccessLogDestination destination) {
    return new IAccessLogSettings() {
      @Override
      public IAccessLogDestination getDestination() {
        return destination;
      }

      @Override
      public AccessLogFormat getFormat() {
        return AccessLogFormat.clf();
      }
    };
  }

  private Role role(LogGroup logs, IQueue queue) {
    PolicyDocument policy =
        PolicyDocument.Builder.create()
            .statements(
                List.of(
                    PolicyStatement.Builder.create()
                        .sid("WriteOwnLogs")
                        .effect(Effect.ALLOW)
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                        .resources(List.of(logs.getLogGroupArn()))
                        .build(),
                    PolicyStatement.Builder.create()
                        .sid("QueueRequests")
                        .effect(Effect.ALLOW)
                        .actions(List.of("sqs:SendMessage"))
                        .resources(List.of(queue.getQueueArn()))
                        .build()))
            .build();
    Role role =
        Role.Builder.create(this, "HandlerRole")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .inlinePolicies(Map.of("request-handler", policy))
            .build();
    return role;
  }
}
