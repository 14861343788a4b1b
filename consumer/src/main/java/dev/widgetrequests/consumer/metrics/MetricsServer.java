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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Serves the metrics in Prometheus text format at {@code /metrics} (and {@code /}) on one address:
 * loopback unless told otherwise, since the numbers name queues and rates a neighbour on the
 * network need not see; a container gives its own interfaces (0.0.0.0) so a scraper beside it
 * reaches it. {@code ?name[]=N} (repeated) limits the answer to those meters, as Prometheus's own
 * clients do. Starts in the constructor; close to stop.
 */
public final class MetricsServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Function<Set<String>, String> metrics;

  /**
   * @param bind the address to listen on
   * @param port the port; 0 picks a free one (see {@link #port})
   * @param metrics the text for the meters of the names asked for, all of them for none
   * @throws ConfigurationException when the port is taken
   */
  public MetricsServer(InetAddress bind, int port, Function<Set<String>, String> metrics) {
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
      byte[] body =
          metrics
              .apply(names(exchange.getRequestURI().getQuery()))
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", ConsumerMetrics.TEXT_FORMAT);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /**
   * The names a Prometheus client's {@code ?name[]=a&name[]=b} asks for (its servers' filter), in
   * the order given; empty for all.
   */
  static Set<String> names(String query) {
    Set<String> names = new LinkedHashSet<>();
    if (query != null) {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("name[]=") && parameter.length() > "name[]=".length()) {
          names.add(parameter.substring("name[]=".length()));
        }
      }
    }
    return names;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
  }
}
