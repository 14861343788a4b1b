package dev.widgetrequests.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One handler invocation as the Lambda runtime makes it, with the parsed response: a proxy response
 * or a plain JSON result.
 */
record Invocation(JsonNode response, TestContext context) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Invocation of(RequestStreamHandler handler, String event) {
    TestContext context = new TestContext();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, context);
      return new Invocation(MAPPER.readTree(output.toByteArray()), context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int status() {
    return response.path("statusCode").asInt();
  }

  String header(String name) {
    return response.path("headers").path(name).asText(null);
  }

  /**
   * What the answer says, whatever its shape: the proxy response's body, or the plain result
   * itself.
   */
  JsonNode answer() {
    return response.path("body").isTextual() ? body() : response;
  }

  /** The response body, parsed as the JSON every answer carries. */
  JsonNode body() {
    try {
      return MAPPER.readTree(response.path("body").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
