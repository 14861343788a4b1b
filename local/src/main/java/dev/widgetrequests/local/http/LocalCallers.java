package dev.widgetrequests.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;

/**
 * Which callers the local endpoints answer: only a request addressed to this server by a loopback
 * name (a page whose own name was rebound to 127.0.0.1 still sends its own name as Host), and only
 * a POST that says it carries JSON (a web page can send a cross-origin POST without Content-Type,
 * or with a form's, without asking the server first). See docs/design/local-endpoints.md.
 */
final class LocalCallers {
  private LocalCallers() {}

  /**
   * Whether the Host header names this server as {@code 127.0.0.1:PORT} or {@code localhost:PORT}.
   */
  static boolean addressedToThisHost(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return false;
    }
    int port = exchange.getLocalAddress().getPort();
    String name = host.strip().toLowerCase(Locale.ROOT);
    return name.equals("127.0.0.1:" + port) || name.equals("localhost:" + port);
  }

  /** Whether the Content-Type names JSON ({@code application/json}, {@code application/*+json}). */
  static boolean saysJson(HttpExchange exchange) {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
