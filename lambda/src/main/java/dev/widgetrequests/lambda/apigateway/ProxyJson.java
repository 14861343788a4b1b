package dev.widgetrequests.lambda.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
   * Reads one event.
   *
   * @throws IllegalArgumentException when the input is not an API Gateway proxy event: the function
   *     was invoked by something else, a deployment mistake rather than a bad request
   */
  public ProxyEvent readEvent(InputStream input) throws IOException {
    JsonNode event = mapper.readTree(input);
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("not an API Gateway proxy event: expected a JSON object");
    }
    JsonNode v2Method = event.at("/requestContext/http/method");
    if (v2Method.isTextual()) {
      return new ProxyEvent(PayloadFormat.V2, v2Method.asText(), body(event));
    }
    JsonNode v1Method = event.path("httpMethod");
    if (v1Method.isTextual()) {
      return new ProxyEvent(PayloadFormat.V1, v1Method.asText(), body(event));
    }
    throw new IllegalArgumentException(
        "not an API Gateway proxy event: neither httpMethod nor requestContext.http.method");
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

  private static String body(JsonNode event) {
    JsonNode body = event.path("body");
    if (!body.isTextual()) {
      return "";
    }
    if (!event.path("isBase64Encoded").asBoolean(false)) {
      return body.asText();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(body.asText());
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("event body is marked base64 but is not base64", e);
    }
  }
}
