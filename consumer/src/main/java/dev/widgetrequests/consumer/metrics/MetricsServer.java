package dev.widgetrequests.consumer.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.widgetrequests.model.config.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves the metrics in Prometheus text format at {@code /metrics} (and {@code /}) on one address:
 * loopback unless told otherwise, since the numbers name queues and rates a neighbour on the
 * network need not see; a container gives its own interfaces (0.0.0.0) so a scraper beside it
 * reaches it. Starts in the constructor; close to stop.
 */
public final class MetricsServer implements AutoCloseable {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Supplier<String> metrics;

  /**
   * @param bind the address to listen on
   * @param port the port; 0 picks a free one (see {@link #port})
   * @throws ConfigurationException when the port is taken
   */
  public MetricsServer(InetAddress bind, int port, Supplier<String> metrics) {
    this.metrics = metrics;
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 0);
    } catch (BindException taken) {
      throw new ConfigurationException(
          "--metrics-port "
              + port
              + " is already in use (or --metrics-bind "
              + bind.getHostAddress()
              + " is not an address of this host): choose another port or address",
          taken);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::serve);
    server.start();
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals("/metrics") && !path.equals("/")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = metrics.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
  }
}
