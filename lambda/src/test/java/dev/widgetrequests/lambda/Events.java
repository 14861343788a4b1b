package dev.widgetrequests.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Minimal API Gateway proxy events built in tests, for cases a saved file can't hold well. */
final class Events {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Events() {}

  /** An HTTP API (payload 2.0) event. */
  static String httpApi(String method, String body) {
    ObjectNode event = MAPPER.createObjectNode().put("version", "2.0");
    event.put("routeKey", "ANY /widget-requests").put("rawPath", "/widget-requests");
    event.putObject("headers").put("content-type", "application/json");
    event.putObject("requestContext").putObject("http").put("method", method);
    event.put("body", body).put("isBase64Encoded", false);
    return event.toString();
  }

  /** A REST API (payload 1.0) event. */
  static String restApi(String method, String body) {
    ObjectNode event = MAPPER.createObjectNode().put("httpMethod", method);
    event.put("resource", "/widget-requests").put("path", "/widget-requests");
    event.putObject("headers").put("Content-Type", "application/json");
    event.putObject("requestContext").put("httpMethod", method);
    event.put("body", body).put("isBase64Encoded", false);
    return event.toString();
  }

  static String validCreate(String requestId) {
    return """
        {"type":"create","requestId":"%s","widgetId":"8123f304-f23f-440b-a6d3-80e979fa4cd6",\
        "owner":"Mary Matthews","label":"JWJYY","otherAttributes":[{"name":"color","value":"red"}]}"""
        .formatted(requestId);
  }
}
