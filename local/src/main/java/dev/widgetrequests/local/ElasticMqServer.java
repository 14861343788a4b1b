package dev.widgetrequests.local;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** SQS: ElasticMQ with its own actor system. */
final class ElasticMqServer implements EmbeddedServer {
  private final SQSRestServer server;
  private final int port;

  private ElasticMqServer(SQSRestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts ElasticMQ on {@code port}; its queue URLs name {@code advertisedPort}, where clients
   * reach it.
   */
  static ElasticMqServer start(int port, int advertisedPort, String region) {
    SQSRestServer server =
        SQSRestServerBuilder.withInterface(Loopback.HOST)
            .withPort(port)
            // Queue URLs are built from this address: it must be the one clients can reach.
            .withServerAddress(new NodeAddress("http", Loopback.HOST, advertisedPort, ""))
            .withAWSRegion(region)
            .start();
    try {
      server.waitUntilStarted();
    } catch (Exception e) { // Scala code can throw checked exceptions undeclared
      server.stopAndWait();
      throw new IllegalStateException("ElasticMQ did not start on port " + port, e);
    }
    return new ElasticMqServer(server, port);
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
