package dev.widgetrequests.lambda.apigateway;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the function answers: a status, headers and a text body. */
public record ProxyResponse(int statusCode, Map<String, String> headers, String body) {
  public ProxyResponse {
    headers = Map.copyOf(headers);
  }

  /** A response with a JSON body. */
  public static ProxyResponse json(int statusCode, String body) {
    return new ProxyResponse(statusCode, Map.of("Content-Type", "application/json"), body);
  }

  /** This response with one more header. */
  public ProxyResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ProxyResponse(statusCode, more, body);
  }
}
