package dev.widgetrequests.producer.sink;

import dev.widgetrequests.aws.JsonBody;
import dev.widgetrequests.model.config.ConfigurationException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** One S3 object per request, named by its key, body the request JSON. */
public final class BucketSink implements RequestSink {
  private final S3Client s3;
  private final String bucket;

  public BucketSink(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public String bucket() {
    return bucket;
  }

  @Override
  public void verify() {
    try {
      s3.headBucket(request -> request.bucket(bucket));
    } catch (S3Exception e) {
      throw new ConfigurationException(problem(e.statusCode()), e);
    } catch (SdkClientException e) {
      throw new ConfigurationException(
          "cannot reach S3 to check request bucket '%s': %s; check the endpoint, network and credentials (-p/--profile)"
              .formatted(bucket, firstLine(e.getMessage())),
          e);
    }
  }

  private String problem(int status) {
    return switch (status) {
      case 404 ->
          "request bucket '%s' does not exist: create it (aws s3 mb s3://%s) or name an existing one with -rb"
              .formatted(bucket, bucket);
      case 403 ->
          "no access to request bucket '%s': check the credentials (-p/--profile) and the bucket policy"
              .formatted(bucket);
      case 301 ->
          "request bucket '%s' is in another region: give its region with -r/--region"
              .formatted(bucket);
      default ->
          "cannot use request bucket '%s' (HTTP %d): check its name, region and permissions"
              .formatted(bucket, status);
    };
  }

  @Override
  public void send(List<OutgoingRequest> batch) {
    for (OutgoingRequest request : batch) {
      JsonBody body = JsonBody.of(request.body());
      s3.putObject(put -> body.onto(put.bucket(bucket).key(request.key())), body.body());
    }
  }

  @Override
  public int maxBatchSize() {
    return 1;
  }

  @Override
  public String describe() {
    return "bucket " + bucket;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
