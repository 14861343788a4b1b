package dev.widgetrequests.lambda.apigateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the function's events (API Gateway proxy events of both payload formats, plain requests)
 * and writes its answers (proxy responses, plain results), without the weight of the full Lambda
 * events library.
 */
public final class ProxyJson {
  private static final String NEITHER = "neither a widget request nor an API Gateway proxy event";

  /** A request's own fields: an event naming one of them is the request itself. */
  private static final List<String> REQUEST_FIELDS =
      List.of("type", "requestId", "widgetId", "owner");

  /** Where the REST API "method request passthrough" mapping template puts the parsed body. */
  private static final String PASSTHROUGH_BODY = "body-json";

  private static final Set<String> HAND_WRITTEN_PROXY_FIELDS =
      Set.of(
          "body",
          "headers",
          "multiValueHeaders",
          "isBase64Encoded",
          "resource",
          "path",
          "rawPath",
          "queryStringParameters",
          "pathParameters");

  private final ObjectMapper mapper;

  public ProxyJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads one event, in any of the shapes of docs/design/request-format.md: an API Gateway proxy
   * event (payload 1.0 or 2.0, or one written by hand with only a {@code body}), a plain request
   * (the event is the request), or a REST API non-proxy integration's passthrough template ({@code
   * body-json}). Input that is none of these is a value, not an exception, so the caller can answer
   * 400.
   *
   * @throws IOException only when the input stream itself fails
   */
  public EventRead readEvent(InputStream input) throws IOException {
    byte[] raw = input.readAllBytes();
    if (isBlank(raw)) {
      return new EventRead.Plain(new byte[0]); // an empty request; the parser says "empty"
    }
    JsonNode event;
    try {
      event = mapper.readTree(raw);
    } catch (JsonProcessingException notJson) {
      return new EventRead.Malformed(NEITHER + ": not JSON", false);
    }
    if (event == null || !event.isObject()) {
      return new EventRead.Malformed(NEITHER + ": expected a JSON object", false);
    }
    JsonNode v2Method = event.at("/requestContext/http/method");
    JsonNode v1Method = event.path("httpMethod");
    PayloadFormat format;
    String method;
    if (v2Method.isTextual()) {
      format = PayloadFormat.V2;
      method = v2Method.asText();
    } else if (v1Method.isTextual()) {
      format = PayloadFormat.V1;
      method = v1Method.asText();
    } else if (event.has(PASSTHROUGH_BODY)) {
      return new EventRead.Plain(mapper.writeValueAsBytes(event.get(PASSTHROUGH_BODY)));
    } else if (namesARequestField(event)) {
      // The raw bytes, not the tree: the parser must see duplicate keys and every number as sent.
      return new EventRead.Plain(raw);
    } else if (isBodyOrBodyWithHeaders(event)) {
      // A proxy event written by hand for a test, without a method: it can only mean a POST.
      format = PayloadFormat.V1;
      method = "POST";
    } else {
      return new EventRead.Malformed(
          NEITHER
              + ": no request field ("
              + String.join(", ", REQUEST_FIELDS)
              + ") and no httpMethod or requestContext.http.method",
          false);
    }
    byte[] body = body(event);
    if (body == null) {
      return new EventRead.Malformed("event body is marked base64 but is not base64", true);
    }
    return new EventRead.Event(new ProxyEvent(format, method, contentTypes(event), body));
  }

  /**
   * Writes a plain result: the answer's JSON object with {@code statusCode} first, for callers that
   * sent a plain request (no headers and no body string to unwrap).
   */
  public void writePlainResult(ProxyResponse response, OutputStream output) throws IOException {
    ObjectNode json = mapper.createObjectNode();
    json.put("statusCode", response.statusCode());
    if (mapper.readTree(response.body()) instanceof ObjectNode answer) {
      answer.remove("statusCode");
      json.setAll(answer);
    }
    mapper.writeValue(output, json);
  }

  /**
   * Writes a response. Both payload formats take the same fields ({@code statusCode}, {@code
   * headers}, {@code body}, {@code isBase64Encoded}), so the format of the event needs no branch.
   */
  public void writeResponse(ProxyResponse response, OutputStream output) throws IOException {
    ObjectNode json = mapper.createObjectNode();
    json.put("statusCode", response.statusCode());
    ObjectNode headers = json.putObject("headers");
    response.headers().forEach(headers::put);
    json.put("body", response.body());
    json.put("isBase64Encoded", false);
    mapper.writeValue(output, json);
  }

  /**
   * The body's bytes; {@code null} when it is marked base64 and is not. API Gateway always sends
   * the body as text; a body written as a JSON object (hand-made test events) is that object's
   * JSON.
   */
  private byte[] body(JsonNode event) throws JsonProcessingException {
    JsonNode body = event.path("body");
    if (body.isContainerNode()) {
      return mapper.writeValueAsBytes(body);
    }
    if (!body.isTextual()) {
      return new byte[0];
    }
    if (!event.path("isBase64Encoded").asBoolean(false)) {
      return body.asText().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body.asText());
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static boolean namesARequestField(JsonNode event) {
    return REQUEST_FIELDS.stream().anyMatch(event::has);
  }

  /** Only a {@code body}, and maybe headers and the base64 flag, as a hand-written event has. */
  private static boolean isBodyOrBodyWithHeaders(JsonNode event) {
    return event.has("body")
        && event
            .propertyStream()
            .map(Map.Entry::getKey)
            .allMatch(HAND_WRITTEN_PROXY_FIELDS::contains);
  }

  private static boolean isBlank(byte[] raw) {
    for (byte b : raw) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Header names are case-insensitive; REST APIs keep the sender's case, HTTP APIs lower it. */
  private static List<String> contentTypes(JsonNode event) {
    List<String> values = new ArrayList<>();
    for (String field : List.of("headers", "multiValueHeaders")) {
      for (Map.Entry<String, JsonNode> header : event.path(field).properties()) {
        if (header.getKey().equalsIgnoreCase("content-type")) {
          JsonNode value = header.getValue();
          if (value.isTextual()) {
            values.add(value.asText());
          }
          value.forEach(each -> values.add(each.asText()));
        }
      }
    }
    return values;
  }
}
