package dev.widgetrequests.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A function's answer read the way an HTTP API reads a payload 2.0 response. */
record LambdaResponse(int statusCode, Map<String, String> headers, byte[] body) {
  LambdaResponse {
    headers = Map.copyOf(headers);
  }

  static LambdaResponse json(int statusCode, String body) {
    return new LambdaResponse(
        statusCode,
        Map.of("Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the function's output. Output without a {@code statusCode} is, as API Gateway treats it,
   * a 200 whose body is the output itself.
   */
  static LambdaResponse read(byte[] output, ObjectMapper mapper) throws IOException {
    JsonNode response = mapper.readTree(output);
    if (response == null || !response.has("statusCode")) {
      return new LambdaResponse(200, Map.of("Content-Type", "application/json"), output);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response
        .path("headers")
        .properties()
        .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
    String body = response.path("body").asText("");
    byte[] bytes =
        response.path("isBase64Encoded").asBoolean(false)
            ? Base64.getDecoder().decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    return new LambdaResponse(response.path("statusCode").asInt(), headers, bytes);
  }
}
