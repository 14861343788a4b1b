package dev.widgetrequests.local.cli;

import dev.widgetrequests.local.LocalResources;
import dev.widgetrequests.local.LocalStack;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/** What {@code widgets local} prints once it is up: where everything is and how to reach it. */
final class Banner {
  private final PrintWriter out;

  Banner(PrintWriter out) {
    this.out = out;
  }

  void print(LocalStack stack, LocalResources resources, URI handler, Duration startUp) {
    URI s3 = stack.s3Endpoint();
    URI sqs = stack.sqsEndpoint();
    URI dynamoDb = stack.dynamoDbEndpoint();
    out.printf(
        "Local AWS stack up in %.1f s. Press Ctrl-C to stop.%n", startUp.toMillis() / 1000.0);
    if (stack.latency().isPositive()) {
      out.printf(
          "Every call to S3, SQS and DynamoDB takes %d ms longer (--latency).%n",
          stack.latency().toMillis());
    }
    out.println();
    out.println("Endpoints");
    out.printf("  S3        %s%n", s3);
    out.printf("  SQS       %s%n", sqs);
    out.printf("  DynamoDB  %s%n", dynamoDb);
    out.printf("  handler   POST %s  (the request handler, as API Gateway serves it)%n", handler);
    out.println();
    out.println("Resources");
    out.printf("  request bucket     %s%n", resources.requestBucket());
    out.printf("  widget bucket      %s%n", resources.widgetBucket());
    out.printf("  payload bucket     %s%n", resources.payloadBucket());
    out.printf("  request queue      %s%n", resources.requestQueueUrl());
    out.printf("  dead-letter queue  %s%n", resources.deadLetterQueueUrl());
    out.printf(
        "  widget table       %s (key %s, index %s)%n",
        resources.widgetTable(),
        resources.widgetTableKey(),
        LocalResources.WIDGET_TABLE_OWNER_INDEX);
    out.println();
    printEnvironment(s3, sqs, dynamoDb);
    printExamples(s3, sqs, dynamoDb, resources);
    printHandlerExample(handler);
    out.flush();
  }

  private void printEnvironment(URI s3, URI sqs, URI dynamoDb) {
    out.println("Point the AWS CLI, SDKs and widgets commands at it (paste into a shell):");
    out.printf("  export AWS_ENDPOINT_URL_S3=%s%n", s3);
    out.printf("  export AWS_ENDPOINT_URL_SQS=%s%n", sqs);
    out.printf("  export AWS_ENDPOINT_URL_DYNAMODB=%s%n", dynamoDb);
    out.printf("  export AWS_ACCESS_KEY_ID=%s%n", LocalStack.ACCESS_KEY_ID);
    out.printf("  export AWS_SECRET_ACCESS_KEY=%s%n", LocalStack.SECRET_ACCESS_KEY);
    out.printf(
        "  export AWS_REGION=%s AWS_DEFAULT_REGION=%s%n", LocalStack.REGION, LocalStack.REGION);
    out.println("  (any credentials work)");
    out.println();
  }

  private void printHandlerExample(URI handler) {
    out.println(
        "Send a request through the request handler (answers 202, or 400 with every broken rule):");
    out.printf(
        "  curl -s -X POST %s -H 'Content-Type: application/json' -d '%s'%n",
        handler,
        "{\"type\":\"create\",\"requestId\":\"r-1\",\"widgetId\":\"w-1\",\"owner\":\"Sue Smith\"}");
    out.println();
  }

  private void printExamples(URI s3, URI sqs, URI dynamoDb, LocalResources resources) {
    out.println("Try it (with the credentials above; --endpoint-url for tools that ignore");
    out.println("AWS_ENDPOINT_URL_*):");
    out.printf("  aws --endpoint-url %s s3 ls%n", s3);
    out.printf("  aws --endpoint-url %s s3 ls s3://%s --recursive%n", s3, resources.widgetBucket());
    out.printf("  aws --endpoint-url %s sqs list-queues%n", sqs);
    out.printf(
        "  aws --endpoint-url %s sqs get-queue-attributes --queue-url %s --attribute-names All%n",
        sqs, resources.requestQueueUrl());
    out.printf(
        "  aws --endpoint-url %s dynamodb describe-table --table-name %s%n",
        dynamoDb, resources.widgetTable());
    out.printf(
        "  aws --endpoint-url %s dynamodb scan --table-name %s%n",
        dynamoDb, resources.widgetTable());
    out.println();
  }
}
