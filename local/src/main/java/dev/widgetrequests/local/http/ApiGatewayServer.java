package dev.widgetrequests.local.http;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.widgetrequests.local.LocalService;
import dev.widgetrequests.local.PortInUseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a Lambda function on 127.0.0.1 the way an API Gateway HTTP API does: each request to
 * {@value #PATH} becomes the payload 2.0 event the gateway would send, and the function's proxy
 * response becomes the HTTP response. Other paths get API Gateway's 404. Unlike the gateway, it
 * answers only callers on this host who mean it: Host {@code 127.0.0.1:PORT} or {@code
 * localhost:PORT} (else 403), and a POST with a JSON Content-Type (else 415), so no web page in the
 * operator's browser can use it (docs/design/local-endpoints.md). Requests run on virtual threads.
 * Starts in the constructor; close to stop.
 */
public final class ApiGatewayServer implements AutoCloseable {
  /** The resource path the function is served at. */
  public static final String PATH = "/widget-requests";

  private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayServer.class);
  private static final String FUNCTION_NAME = "widget-request-handler";

  /** API Gateway's payload limit; larger bodies never reach the function. */
  private static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

  private final RequestStreamHandler handler;
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpApiEvents events;
  private final Logger functionLog;
  private final ExecutorService threads;
  private final HttpServer server;
  private volatile HttpHandler otherPaths;

  /**
   * Serves {@code handler} on 127.0.0.1:{@code port}; 0 picks a free port (see {@link #port}).
   *
   * @throws PortInUseException when {@code port} is taken
   */
  public ApiGatewayServer(RequestStreamHandler handler, int port) {
    this(handler, port, Clock.systemUTC());
  }

  public ApiGatewayServer(RequestStreamHandler handler, int port, Clock clock) {
    this.handler = handler;
    this.events = new HttpApiEvents(mapper, clock, "ANY " + PATH);
    this.functionLog = LoggerFactory.getLogger(handler.getClass());
    this.server = bind(port);
    this.threads = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(threads);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * Hands every request for a path other than {@value #PATH} to {@code handler} (the dashboard)
   * instead of answering 404.
   */
  public void serveOtherPaths(HttpHandler handler) {
    this.otherPaths = handler;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
  }

  private static HttpServer bind(int port) {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try {
      return HttpServer.create(address, 0);
    } catch (BindException e) {
      throw new PortInUseException(LocalService.HTTP_API, port, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    if (!LocalCallers.addressedToThisHost(exchange)) {
      try (exchange) {
        respond(
            exchange,
            LambdaResponse.json(
                403,
                "{\"message\":\"Host must be 127.0.0.1:%d or localhost:%d\"}"
                    .formatted(port(), port())));
      }
      return;
    }
    HttpHandler others = otherPaths;
    if (others != null && !PATH.equals(exchange.getRequestURI().getRawPath())) {
      others.handle(exchange);
      return;
    }
    try (exchange) {
      respond(exchange, answer(exchange));
    }
  }

  private LambdaResponse answer(HttpExchange exchange) throws IOException {
    if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
      return LambdaResponse.json(404, "{\"message\":\"Not Found\"}");
    }
    if ("POST".equals(exchange.getRequestMethod()) && !LocalCallers.saysJson(exchange)) {
      return LambdaResponse.json(
          415, "{\"message\":\"Unsupported Media Type: send Content-Type: application/json\"}");
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body.length > MAX_PAYLOAD_BYTES) {
      return LambdaResponse.json(413, "{\"message\":\"Request Entity Too Large\"}");
    }
    String requestId = UUID.randomUUID().toString();
    byte[] event = mapper.writeValueAsBytes(events.eventFor(exchange, body, requestId));
    return invoke(event, requestId);
  }

  private LambdaResponse invoke(byte[] event, String requestId) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event),
          output,
          new LocalLambdaContext(FUNCTION_NAME, requestId, functionLog));
      return LambdaResponse.read(output.toByteArray(), mapper);
    } catch (IOException | RuntimeException e) {
      // What an HTTP API answers when the function fails; the detail stays in the log.
      LOG.error("{} failed on request {}", FUNCTION_NAME, requestId, e);
      return LambdaResponse.json(500, "{\"message\":\"Internal Server Error\"}");
    }
  }

  private static byte[] readBody(InputStream body) throws IOException {
    return body.readNBytes(MAX_PAYLOAD_BYTES + 1);
  }

  private static void respond(HttpExchange exchange, LambdaResponse response) throws IOException {
    response.headers().forEach(exchange.getResponseHeaders()::set);
    boolean noBody = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : response.body().length);
    if (!noBody) {
      exchange.getResponseBody().write(response.body());
    }
  }
}
