package dev.widgetrequests.lambda.apigateway;

/** What reading the function's input gave: a proxy event, or why it is none. */
public sealed interface EventRead {

  /** A proxy event of either payload format. */
  record Event(ProxyEvent event) implements EventRead {}

  /** Not JSON, not a proxy event, or a body marked base64 that is not base64. */
  record Malformed(String reason) implements EventRead {}
}
