package dev.widgetrequests.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a web page in the operator's browser can make the local endpoints do
 * (docs/design/local-endpoints.md): a cross-origin "simple" POST reaches the server without asking,
 * and a page whose name was rebound to 127.0.0.1 reads the answers unless the Host is checked.
 */
class LocalCallersTest {
  private static final String CREATE =
      "{\"type\":\"create\",\"requestId\":\"r-1\",\"widgetId\":\"w-1\",\"owner\":\"Sue Smith\"}";

  private final AtomicInteger invocations = new AtomicInteger();
  private final AtomicInteger dashboardReads = new AtomicInteger();
  private ApiGatewayServer server;

  @BeforeEach
  void start() {
    RequestStreamHandler function =
        (input, output, context) -> {
          invocations.incrementAndGet();
          output.write("{\"statusCode\":202}".getBytes(StandardCharsets.UTF_8));
        };
    server = new ApiGatewayServer(function, 0);
    server.serveOtherPaths(
        exchange -> {
          try (exchange) {
            dashboardReads.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
          }
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void post_withoutContentType_answers415_andNeverReachesTheFunction() throws IOException {
    String status = call("POST", ApiGatewayServer.PATH, "127.0.0.1:" + server.port(), null);

    assertThat(status).startsWith("HTTP/1.1 415");
    assertThat(invocations).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain;charset=UTF-8", "application/x-www-form-urlencoded"})
  void post_withAFormsContentType_answers415_andNeverReachesTheFunction(String type)
      throws IOException {
    String status = call("POST", ApiGatewayServer.PATH, "127.0.0.1:" + server.port(), type);

    assertThat(status).startsWith("HTTP/1.1 415");
    assertThat(invocations).hasValue(0);
  }

  @Test
  void post_withJson_fromThisHost_reachesTheFunction() throws IOException {
    String status =
        call("POST", ApiGatewayServer.PATH, "localhost:" + server.port(), "application/json");

    assertThat(status).startsWith("HTTP/1.1 202");
    assertThat(invocations).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/status", "/", ApiGatewayServer.PATH})
  void aRebound_orMissingHost_answers403_withoutReadingOrInvoking(String path) throws IOException {
    int port = server.port();
    for (String host :
        new String[] {"attacker.example:" + port, "attacker.example", "127.0.0.1", "", null}) {
      String status = call("POST", path, host, "application/json");

      assertThat(status).as("Host: %s", host).startsWith("HTTP/1.1 403");
    }
    assertThat(invocations).hasValue(0);
    assertThat(dashboardReads).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost", "LOCALHOST"})
  void dashboard_answersItsOwnHostNames(String name) throws IOException {
    String status = call("GET", "/api/status", name + ":" + server.port(), null);

    assertThat(status).startsWith("HTTP/1.1 200");
    assertThat(dashboardReads).hasValue(1);
  }

  /** One HTTP/1.1 request written by hand, as a browser may send it; returns the status line. */
  private String call(String method, String path, String host, String contentType)
      throws IOException {
    byte[] body = method.equals("POST") ? CREATE.getBytes(StandardCharsets.UTF_8) : new byte[0];
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    if (host != null) {
      head.append("Host: ").append(host).append("\r\n");
    }
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return response.lines().findFirst().orElse("");
    }
  }
}
