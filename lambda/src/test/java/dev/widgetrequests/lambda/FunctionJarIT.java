package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The deployable jar on its own: a fresh JVM with only {@code target/widgets-lambda.jar} (and the
 * invoker) on its classpath, configured through the environment as Lambda would, sending to
 * ElasticMQ.
 */
class FunctionJarIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path FUNCTION_JAR = Path.of("target", "widgets-lambda.jar");

  private static SQSRestServer elasticMq;
  private static URI endpoint;
  private static SqsClient sqs;

  @TempDir Path temp;

  @BeforeAll
  static void startQueue() {
    elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    endpoint =
        URI.create("http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort());
    sqs =
        SqsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterAll
  static void stopQueue() {
    sqs.close();
    elasticMq.stopAndWait();
  }

  @Test
  void functionJar_acceptsASavedEvent_andPutsTheRequestOnTheQueue() throws Exception {
    String queueUrl = sqs.createQueue(q -> q.queueName("jar-" + UUID.randomUUID())).queueUrl();
    Path event = SavedEventsTest.eventsDirectory().resolve("v2-create.json");

    Run run = invoke(event, Map.of("REQUEST_QUEUE_URL", queueUrl));

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode response = MAPPER.readTree(run.stdout());
    assertThat(response.path("statusCode").asInt()).isEqualTo(202);
    JsonNode body = MAPPER.readTree(response.path("body").asText());
    List<Message> messages =
        sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5)).messages();
    assertThat(messages)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.messageId()).isEqualTo(body.path("messageId").asText());
              assertThat(m.body()).isEqualTo(MAPPER.readTree(event.toFile()).path("body").asText());
            });
    assertThat(run.stderr().strip())
        .startsWith("{\"outcome\":\"accepted\"")
        .doesNotContain("SLF4J");
  }

  @Test
  void functionJar_withoutQueueUrl_failsAtInitSayingWhatToSet() throws Exception {
    Run run = invoke(SavedEventsTest.eventsDirectory().resolve("v1-create.json"), Map.of());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("REQUEST_QUEUE_URL is not set");
  }

  private Run invoke(Path event, Map<String, String> extraEnvironment)
      throws IOException, InterruptedException {
    Path stdout = temp.resolve("stdout");
    Path stderr = temp.resolve("stderr");
    String classpath =
        FUNCTION_JAR + java.io.File.pathSeparator + Path.of("target", "test-classes");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-cp",
                classpath,
                JarInvoker.class.getName(),
                event.toString())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(name -> name.startsWith("AWS_") || name.equals("REQUEST_QUEUE_URL"));
    environment.put("AWS_REGION", "us-east-1");
    environment.put("AWS_ACCESS_KEY_ID", "test");
    environment.put("AWS_SECRET_ACCESS_KEY", "test");
    environment.put("AWS_ENDPOINT_URL_SQS", endpoint.toString());
    environment.putAll(extraEnvironment);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the function jar did not finish within 60 s");
    }
    return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private record Run(int exitCode, String stdout, String stderr) {}
}
