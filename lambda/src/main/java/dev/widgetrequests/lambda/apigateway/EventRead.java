package dev.widgetrequests.lambda.apigateway;

/**
 * What reading the function's input gave: a proxy event, a plain request, or why it is neither. See
 * docs/design/request-format.md for every shape.
 */
public sealed interface EventRead {

  /** A proxy event of either payload format; it is answered with a proxy response. */
  record Event(ProxyEvent event) implements EventRead {}

  /**
   * A request that came as the event itself (a direct invoke, the console's test event) or inside a
   * REST API non-proxy integration's passthrough template; it is answered with a plain result.
   *
   * @param body the request's bytes, for the parser to judge
   */
  record Plain(byte[] body) implements EventRead {}

  /**
   * Not JSON, neither a request nor a proxy event, or a body marked base64 that is not base64.
   *
   * @param proxy whether the input was a proxy event, so the answer is a proxy response
   */
  record Malformed(String reason, boolean proxy) implements EventRead {}
}
