package dev.widgetrequests.lambda.apigateway;

import java.util.List;

/**
 * The parts of an API Gateway proxy event the handler uses.
 *
 * @param contentTypes every {@code Content-Type} header value the event carries, whatever the case
 *     of the header's name; empty when there is none
 * @param body the request body's bytes, already base64-decoded; empty when there was none
 */
public record ProxyEvent(
    PayloadFormat format, String method, List<String> contentTypes, byte[] body) {
  public ProxyEvent {
    contentTypes = List.copyOf(contentTypes);
  }
}
