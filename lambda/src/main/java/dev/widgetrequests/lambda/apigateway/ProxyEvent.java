package dev.widgetrequests.lambda.apigateway;

/**
 * The parts of an API Gateway proxy event the handler uses.
 *
 * @param body the request body as text, already base64-decoded; {@code ""} when there was none
 */
public record ProxyEvent(PayloadFormat format, String method, String body) {}
