package dev.widgetrequests.infra;

import java.util.List;

/**
 * The Control Tower rules the app fails on purpose, each with its reason: the one place they are
 * accepted. {@code ControlTowerTest} fails on any finding not listed here and on any entry here
 * that no longer matches a finding. docs/deploy.md ("What the checks accept") tells the same.
 */
final class ControlTowerExceptions {
  private ControlTowerExceptions() {}

  /** A control the resources at these construct paths fail, and why that is right for them. */
  record Accepted(String control, List<String> resources, String reason) {}

  static final String ACCESS_LOGS = "WidgetRequests/Storage/AccessLogBucket";
  static final List<String> ALL_BUCKETS =
      List.of(
          ACCESS_LOGS,
          "WidgetRequests/Storage/RequestBucket",
          "WidgetRequests/Storage/WidgetBucket",
          "WidgetRequests/Storage/PayloadBucket");

  static final List<Accepted> ALL =
      List.of(
          new Accepted(
              "CT.APIGATEWAY.PR.5",
              List.of("WidgetRequests/Api/Api/POST--widget-requests"),
              "The request intake is public, as the course asks: the handler validates every"
                  + " request and the stage is throttled."),
          new Accepted(
              "CT.LAMBDA.PR.2",
              List.of("WidgetRequests/Api/Api/POST--widget-requests/Handler-Permission"),
              "API Gateway may invoke the function from this API's POST /widget-requests route"
                  + " only: the permission's SourceArn names it, joined from the API's id, which"
                  + " the rule cannot read as a string."),
          new Accepted(
              "CT.LAMBDA.PR.3",
              List.of("WidgetRequests/Api/Handler"),
              "The function calls SQS and nothing else; in a VPC it would need an SQS interface"
                  + " endpoint or a NAT gateway, a monthly cost per availability zone, to reach"
                  + " the same public endpoint."),
          new Accepted(
              "CT.ECS.PR.9",
              List.of("WidgetRequests/Consumer/Service/Service"),
              "The tasks get public IPs instead of a NAT gateway (about $33 a month) or interface"
                  + " endpoints for SQS, ECR (two) and CloudWatch Logs (about $7 a month each per"
                  + " availability zone), several times what the task costs; the security group"
                  + " admits no inbound traffic, the subnets give no public IP to anything else,"
                  + " and S3 and DynamoDB go through gateway endpoints."),
          new Accepted(
              "CT.S3.PR.2",
              List.of(ACCESS_LOGS),
              "The access-log bucket: logging it into itself would loop."),
          new Accepted(
              "CT.S3.PR.10",
              List.of(ACCESS_LOGS),
              "S3 delivers server access logs only to a bucket encrypted with SSE-S3, not"
                  + " SSE-KMS."),
          new Accepted(
              "CT.S3.PR.4",
              ALL_BUCKETS,
              "Nothing reacts to these buckets' events: the consumer reads payloads by the"
                  + " pointer on the queue and widgets by key, and a notification with no reader"
                  + " only costs."),
          new Accepted(
              "CT.S3.PR.9",
              ALL_BUCKETS,
              "Object Lock would forbid the deletes the system makes by design (applied requests"
                  + " and payloads, deleted widgets, expired logs); versioning keeps every"
                  + " overwritten or deleted object for a while instead."));
}
