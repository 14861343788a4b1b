package dev.widgetrequests.cli.demo;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.AwsSettings;
import dev.widgetrequests.lambda.WidgetRequestHandler;
import dev.widgetrequests.lambda.queue.SqsRequestQueue;
import dev.widgetrequests.local.LocalResources;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.QueuePair;
import dev.widgetrequests.local.http.ApiGatewayServer;
import java.net.URI;

/**
 * The demo's resources on a local stack: the default buckets (claim-check payloads included), table
 * and standard request queue with its dead-letter queue, as in the course, and the request handler
 * served over HTTP in front of that queue.
 */
final class DemoStack implements AutoCloseable {
  static final String PAYLOAD_BUCKET = LocalResources.PAYLOAD_BUCKET;

  final LocalStack stack;
  final LocalResources resources;
  final QueuePair queue;
  final AwsClients clients;
  final ApiGatewayServer http;

  DemoStack(LocalStack stack) {
    this.stack = stack;
    this.resources = stack.createDefaultResources();
    this.queue = resources.requestQueue();
    this.clients =
        new AwsClients(
            new AwsSettings(
                AwsSettings.DEFAULT_REGION,
                null,
                null,
                stack.s3Endpoint(),
                stack.sqsEndpoint(),
                stack.dynamoDbEndpoint()));
    this.http =
        new ApiGatewayServer(
            new WidgetRequestHandler(new SqsRequestQueue(clients.sqs(), queue.queueUrl())), 0);
  }

  URI handlerUri() {
    return URI.create("http://127.0.0.1:" + http.port() + ApiGatewayServer.PATH);
  }

  @Override
  public void close() {
    http.close();
    clients.close();
  }
}
