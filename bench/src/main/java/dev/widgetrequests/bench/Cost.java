package dev.widgetrequests.bench;

import dev.widgetrequests.local.LocalService;
import dev.widgetrequests.local.Metered;
import java.util.Map;
import java.util.Set;

/**
 * What a drain's AWS calls cost per request at AWS list prices: the calls to each service, the
 * DynamoDB capacity units (computed by the local stack from the item sizes, table and indexes), and
 * the dollars per million requests. No free tier, no storage, no data transfer: only the requests.
 *
 * @param sqsCalls SQS calls per request (each a billed request; messages over 64 KB would count
 *     more)
 * @param s3Calls S3 calls per request, every class
 * @param dynamoDbCalls DynamoDB calls per request
 * @param writeUnits DynamoDB write units per request, the indexes' included
 * @param readUnits DynamoDB read units per request
 * @param dollarsPerMillion the list price of a million such requests
 */
record Cost(
    double sqsCalls,
    double s3Calls,
    double dynamoDbCalls,
    double writeUnits,
    double readUnits,
    double dollarsPerMillion) {

  /** The date the prices below were checked against AWS's price pages (us-east-1). */
  static final String PRICES_AS_OF = "2026-12-07";

  /** SQS standard queue: $0.40 per million requests (after the free tier). */
  static final double SQS_PER_REQUEST = 0.40 / 1e6;

  /** S3 Standard PUT, COPY, POST and LIST requests: $0.005 per 1,000. */
  static final double S3_PUT_COPY_POST_LIST = 0.005 / 1e3;

  /** S3 Standard GET, SELECT and every other request but DELETE: $0.0004 per 1,000. */
  static final double S3_GET_AND_OTHER = 0.0004 / 1e3;

  /** DynamoDB on-demand, Standard table class: $0.625 per million write request units. */
  static final double DYNAMODB_WRITE_UNIT = 0.625 / 1e6;

  /** DynamoDB on-demand, Standard table class: $0.125 per million read request units. */
  static final double DYNAMODB_READ_UNIT = 0.125 / 1e6;

  private static final Set<String> S3_FIRST_CLASS =
      Set.of(
          "PutObject",
          "CopyObject",
          "PostObject",
          "DeleteObjects",
          "ListObjects",
          "ListObjectsV2",
          "CreateBucket");

  private static final Set<String> S3_FREE = Set.of("DeleteObject", "DeleteBucket");

  static Cost of(Metered metered, int requests) {
    double dollars = 0;
    for (Map.Entry<String, Long> call : metered.calls().entrySet()) {
      dollars += call.getValue() * price(call.getKey());
    }
    double writeUnits = metered.writeUnits() + metered.indexWriteUnits();
    dollars += writeUnits * DYNAMODB_WRITE_UNIT + metered.readUnits() * DYNAMODB_READ_UNIT;
    return new Cost(
        (double) metered.calls(LocalService.SQS) / requests,
        (double) metered.calls(LocalService.S3) / requests,
        (double) metered.calls(LocalService.DYNAMODB) / requests,
        writeUnits / requests,
        metered.readUnits() / requests,
        dollars / requests * 1e6);
  }

  /** The price of one call, {@code "SERVICE Operation"}; DynamoDB's calls cost their units. */
  static double price(String call) {
    String operation = call.substring(call.indexOf(' ') + 1);
    if (call.startsWith(LocalService.SQS + " ")) {
      return SQS_PER_REQUEST;
    }
    if (call.startsWith(LocalService.S3 + " ")) {
      return S3_FREE.contains(operation)
          ? 0
          : S3_FIRST_CLASS.contains(operation) ? S3_PUT_COPY_POST_LIST : S3_GET_AND_OTHER;
    }
    return 0;
  }
}
