package dev.widgetrequests.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the HTTP API (payload format 2.0) event API Gateway would send for an exchange. */
final class HttpApiEvents {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final ObjectMapper mapper;
  private final Clock clock;
  private final String routeKey;

  HttpApiEvents(ObjectMapper mapper, Clock clock, String routeKey) {
    this.mapper = mapper;
    this.clock = clock;
    this.routeKey = routeKey;
  }

  ObjectNode eventFor(HttpExchange exchange, byte[] body, String requestId) {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    ObjectNode event = mapper.createObjectNode().put("version", "2.0");
    event.put("routeKey", routeKey).put("rawPath", path);
    event.put("rawQueryString", query == null ? "" : query);
    event.set("headers", headers(exchange));
    event.set("requestContext", requestContext(exchange, path, requestId));
    // As API Gateway does: a body that is not UTF-8 text reaches the function base64-encoded.
    boolean text = isUtf8(body);
    if (body.length > 0) {
      event.put(
          "body",
          text
              ? new String(body, StandardCharsets.UTF_8)
              : Base64.getEncoder().encodeToString(body));
    }
    event.put("isBase64Encoded", !text);
    return event;
  }

  /** Header names lower-cased and repeated headers joined with commas, as HTTP APIs do. */
  private ObjectNode headers(HttpExchange exchange) {
    ObjectNode headers = mapper.createObjectNode();
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
    }
    return headers;
  }

  private ObjectNode requestContext(HttpExchange exchange, String path, String requestId) {
    Instant now = clock.instant();
    ObjectNode context = mapper.createObjectNode();
    context.put("accountId", "000000000000").put("apiId", "local");
    context.put("domainName", exchange.getLocalAddress().getHostString());
    context.put("domainPrefix", "local");
    ObjectNode http = context.putObject("http");
    http.put("method", exchange.getRequestMethod()).put("path", path);
    http.put("protocol", exchange.getProtocol());
    http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
    http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
    context.put("requestId", requestId).put("routeKey", routeKey).put("stage", "$default");
    context.put("time", TIME.format(now)).put("timeEpoch", now.toEpochMilli());
    return context;
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
  }
}
