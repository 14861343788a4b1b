package dev.widgetrequests.local;

/** The AWS services the local stack serves. */
public enum LocalService {
  S3("S3"),
  SQS("SQS"),
  DYNAMODB("DynamoDB"),
  HTTP_API("request handler HTTP API");

  private final String displayName;

  LocalService(String displayName) {
    this.displayName = displayName;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
