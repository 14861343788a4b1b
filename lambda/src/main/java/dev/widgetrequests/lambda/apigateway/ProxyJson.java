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

/**
 * Reads API Gateway proxy events and writes proxy responses, for both payload formats, without the
 * weight of the full Lambda events library.
 */
public final class ProxyJson {
  private final ObjectMapper mapper;

  public ProxyJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads one event. Input that is no proxy event (the function invoked by something else, or a
   * broken event) is a value, not an exception, so the caller can answer 400.
   *
   * @throws IOException only when the input stream itself fails
   */
  public EventRead readEvent(InputStream input) throws IOException {
    JsonNode event;
    try {
      event = mapper.readTree(input);
    } catch (JsonProcessingException notJson) {
      return new EventRead.Malformed("not an API Gateway proxy event: not JSON");
    }
    if (event == null || !event.isObject()) {
      return new EventRead.Malformed("not an API Gateway proxy event: expected a JSON object");
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
    } else {
      return new EventRead.Malformed(
          "not an API Gateway proxy event: neither httpMethod nor requestContext.http.method");
    }
    byte[] body = body(event);
    if (body == null) {
      return new EventRead.Malformed("event body is marked base64 but is not base64");
    }
    return new EventRead.Event(new ProxyEvent(format, method, contentTypes(event), body));
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

  /** The body's bytes; {@code null} when it is marked base64 and is not. */
  private static byte[] body(JsonNode event) {
    JsonNode body = event.path("body");
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
