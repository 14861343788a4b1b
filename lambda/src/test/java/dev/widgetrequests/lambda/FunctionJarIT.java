package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  void functionJar_answersEverySavedEvent_andQueuesTheAcceptedRequests() throws Exception {
    String queueUrl = sqs.createQueue(q -> q.queueName("jar-" + UUID.randomUUID())).queueUrl();
    List<String> files = SavedEventsTest.EXPECTED_STATUS.keySet().stream().sorted().toList();

    Run run = invoke(files, Map.of("REQUEST_QUEUE_URL", queueUrl));

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    List<String> responses = run.stdout().lines().toList();
    assertThat(responses).hasSameSizeAs(files);
    Set<String> messageIds = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      JsonNode response = MAPPER.readTree(responses.get(i));
      assertThat(response.path("statusCode").asInt())
          .as(files.get(i))
          .isEqualTo(SavedEventsTest.EXPECTED_STATUS.get(files.get(i)));
      JsonNode body =
          SavedEventsTest.answeredAsProxy(files.get(i))
              ? MAPPER.readTree(response.path("body").asText())
              : response;
      if (body.has("messageId")) {
        messageIds.add(body.path("messageId").asText());
      }
    }
    assertThat(receiveAll(queueUrl))
        .extracting(Message::messageId)
        .containsExactlyInAnyOrderElementsOf(messageIds);
    assertThat(messageIds)
        .hasSize(
            (int) SavedEventsTest.EXPECTED_STATUS.values().stream().filter(s -> s == 202).count());
    assertThat(run.stderr().lines())
        .hasSameSizeAs(files)
        .allMatch(line -> line.startsWith("{\"outcome\":"));
  }

  private static List<Message> receiveAll(String queueUrl) {
    List<Message> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      all.addAll(batch);
    } while (!batch.isEmpty());
    return all;
  }

  @Test
  void functionJar_withoutQueueUrl_failsAtInitSayingWhatToSet() throws Exception {
    Run run = invoke(List.of("v1-create.json"), Map.of());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("REQUEST_QUEUE_URL is not set");
  }

  private Run invoke(List<String> eventFiles, Map<String, String> extraEnvironment)
      throws IOException, InterruptedException {
    Path stdout = temp.resolve("stdout");
    Path stderr = temp.resolve("stderr");
    String classpath =
        FUNCTION_JAR + java.io.File.pathSeparator + Path.of("target", "test-classes");
    ProcessBuilder builder =
        new ProcessBuilder(command(classpath, eventFiles))
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

  private static List<String> command(String classpath, List<String> eventFiles) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xshare:off", "-cp", classpath, JarInvoker.class.getName()));
    eventFiles.forEach(
        file -> command.add(SavedEventsTest.eventsDirectory().resolve(file).toString()));
    return command;
  }

  private record Run(int exitCode, String stdout, String stderr) {}
}
