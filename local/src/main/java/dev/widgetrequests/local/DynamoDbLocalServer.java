package dev.widgetrequests.local;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

/**
 * DynamoDB: DynamoDB Local, in memory, one database for every credential and region. Its 2.x jar
 * carries the SQLite native library and extracts it to a temporary directory itself, so no library
 * path has to be set. Its Jetty server listens on all interfaces: it offers no host option.
 */
final class DynamoDbLocalServer implements EmbeddedServer {
  private final DynamoDBProxyServer server;
  private final int port;

  private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static DynamoDbLocalServer start(int port) {
    String[] args = {
      "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port),
    };
    DynamoDBProxyServer server;
    try {
      CommandLineInput input = new CommandLineInput(args);
      input.init();
      // createServer, unlike createServerFromCommandLineArgs, prints no banner to stdout.
      server = ServerRunner.createServer(input);
    } catch (Exception e) {
      throw new IllegalStateException(
          "DynamoDB Local rejected its settings " + String.join(" ", args), e);
    }
    try {
      // safeStart, unlike start, reports a port that is taken instead of printing it.
      server.safeStart();
    } catch (Exception e) {
      stopQuietly(server);
      throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
    }
    return new DynamoDbLocalServer(server, port);
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(DynamoDBProxyServer server) {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping a server that never started, or one already going away: nothing left to do.
    }
  }
}
