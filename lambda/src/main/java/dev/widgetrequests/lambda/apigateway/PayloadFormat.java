package dev.widgetrequests.lambda.apigateway;

/** The two API Gateway proxy payload formats. */
public enum PayloadFormat {
  /** REST APIs (and HTTP APIs configured for 1.0): the method is {@code httpMethod}. */
  V1,
  /** HTTP APIs: {@code "version":"2.0"}, the method is {@code requestContext.http.method}. */
  V2
}
