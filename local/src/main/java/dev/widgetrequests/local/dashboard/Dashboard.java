package dev.widgetrequests.local.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/**
 * Serves the dashboard: the page and its script and style at {@code /}, the latest reading as JSON
 * at {@code /api/status}. Plain HTML, CSS and JavaScript from this module's resources.
 */
public final class Dashboard implements HttpHandler, AutoCloseable {
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/dashboard.js", "dashboard.js",
          "/dashboard.css", "dashboard.css");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8");

  private final ObjectMapper json = new ObjectMapper();
  private final Sampler sampler;

  private Dashboard(Sampler sampler) {
    this.sampler = sampler;
  }

  /** Starts reading the stack every {@link DashboardSources#interval}. */
  public static Dashboard start(DashboardSources sources) {
    return new Dashboard(new Sampler(sources, Clock.systemUTC()));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/api/status")) {
        Status status = sampler.latest();
        byte[] body = status == null ? "{\"at\":0}".getBytes() : json.writeValueAsBytes(status);
        send(exchange, 200, "application/json", body);
        return;
      }
      String file = FILES.get(path);
      if (file == null) {
        send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}".getBytes());
        return;
      }
      try (InputStream in = Dashboard.class.getResourceAsStream("/dashboard/" + file)) {
        send(
            exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), in.readAllBytes());
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    sampler.close();
  }
}
