package dev.widgetrequests.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.store.Provenance;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.Message;

/** Our client factory reaches every server of the local stack with its own settings. */
@ExtendWith(LocalStackExtension.class)
class AwsClientsIT {
  private static AwsClients clients;

  @BeforeAll
  static void createClients(LocalStack stack) {
    clients =
        new AwsClients(
            new AwsSettings(
                "us-east-1",
                null,
                null,
                stack.s3Endpoint(),
                stack.sqsEndpoint(),
                stack.dynamoDbEndpoint()));
  }

  @AfterAll
  static void closeClients() {
    clients.close();
  }

  @Test
  void s3_putsAndGetsAnObject(LocalStack stack) {
    String bucket = stack.createBucket(stack.uniqueName("clients"));

    clients
        .s3()
        .putObject(
            request ->
                request.bucket(bucket).key("widgets/owner/w-1").contentType("application/json"),
            RequestBody.fromString("{\"id\":\"w-1\"}"));

    assertThat(
            clients
                .s3()
                .getObjectAsBytes(request -> request.bucket(bucket).key("widgets/owner/w-1"))
                .asUtf8String())
        .isEqualTo("{\"id\":\"w-1\"}");
  }

  @Test
  void s3_storeWritesCarryTheirContentMd5AndNoChunkedChecksumTrailer(LocalStack stack) {
    List<SdkHttpRequest> puts = new CopyOnWriteArrayList<>();
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().method().name().equals("PUT")) {
              puts.add(context.httpRequest());
            }
          }
        };
    String bucket = stack.createBucket(stack.uniqueName("md5"));
    try (AwsClients recorded = new AwsClients(clients.settings(), List.of(recorder))) {
      S3WidgetStore store = new S3WidgetStore(recorded.s3(), bucket, Clock.systemUTC());
      CreateWidget create =
          new CreateWidget("r-1", "w-md5", "Mary Matthews", "LABEL", "", List.of());

      store.apply(new KeyedRequest("0001", create), new Provenance("r-1", null, null));

      assertThat(puts).hasSize(2); // the state object, then the widget object
      for (SdkHttpRequest put : puts) {
        assertThat(put.firstMatchingHeader("Content-MD5")).isPresent();
        assertThat(put.firstMatchingHeader("x-amz-trailer")).isEmpty();
        assertThat(put.firstMatchingHeader("Content-Encoding")).isEmpty();
      }
      String stored =
          recorded
              .s3()
              .getObjectAsBytes(b -> b.bucket(bucket).key("widgets/mary-matthews/w-md5"))
              .asUtf8String();
      assertThat(stored).contains("\"id\":\"w-md5\"");
    }
  }

  @Test
  void s3_refusesABodyThatDoesNotMatchItsContentMd5(LocalStack stack) {
    String bucket = stack.createBucket(stack.uniqueName("md5"));
    JsonBody sent = JsonBody.of("{\"id\":\"w-1\"}");
    String otherDigest = JsonBody.of("{\"id\":\"w-2\"}").contentMd5();

    assertThatThrownBy(
            () ->
                clients
                    .s3()
                    .putObject(
                        b -> b.bucket(bucket).key("widgets/owner/w-1").contentMD5(otherDigest),
                        sent.body()))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(clients.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
  }

  @Test
  void sqs_sendsAndReceivesAMessage(LocalStack stack) {
    String queueUrl = stack.createQueue(stack.uniqueName("clients"));

    clients
        .sqs()
        .sendMessage(request -> request.queueUrl(queueUrl).messageBody("{\"type\":\"create\"}"));

    assertThat(
            clients
                .sqs()
                .receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(2))
                .messages())
        .extracting(Message::body)
        .containsExactly("{\"type\":\"create\"}");
  }

  @Test
  void dynamoDb_putsAndGetsAnItem(LocalStack stack) {
    String table = stack.createWidgetTable(stack.uniqueName("clients"), "id");
    Map<String, AttributeValue> item =
        Map.of(
            "id", AttributeValue.fromS("w-1"),
            "owner", AttributeValue.fromS("Mary Matthews"),
            "last_modified_on", AttributeValue.fromS("2024-01-01T00:00:00Z"));

    clients.dynamoDb().putItem(request -> request.tableName(table).item(item));

    assertThat(
            clients
                .dynamoDb()
                .getItem(
                    request ->
                        request.tableName(table).key(Map.of("id", AttributeValue.fromS("w-1"))))
                .item())
        .isEqualTo(item);
  }

  @Test
  void settingsFromLocalEnvironment_reachTheStack(LocalStack stack) {
    AwsSettings settings =
        AwsSettings.fromEnvironment(
            Map.of(
                "AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", stack.sqsEndpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString()),
            null,
            null,
            null);
    String bucket = stack.createBucket(stack.uniqueName("env"));

    try (AwsClients fromEnvironment = new AwsClients(settings)) {
      assertThat(fromEnvironment.s3().listBuckets().buckets())
          .anyMatch(b -> b.name().equals(bucket));
      assertThat(fromEnvironment.sqs().listQueues().queueUrls()).isNotNull();
      assertThat(fromEnvironment.dynamoDb().listTables().tableNames()).isNotNull();
    }
  }
}
