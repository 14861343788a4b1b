package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.parse.RequestParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The course's own sample requests ({@code fixtures/course-samples}) sent in every dialect the
 * handler speaks: as the event itself (a direct invoke or console test), inside a REST API proxy
 * event and inside an HTTP API proxy event. Each gets the same answer and puts the same message on
 * the queue.
 */
class CourseSampleDialectsTest {
  private static final Path SAMPLES = Path.of("..", "fixtures", "course-samples");

  /** The samples that are bad on purpose (fixtures/README.md). */
  private static final Set<String> INVALID =
      Set.of("1612306374392", "1612306375135", "1612306375892");

  static Stream<String> samples() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertThat(names).hasSize(35);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sample_getsTheSameAnswerAndMessage_asPlainRestAndHttpApiEvent(String name)
      throws IOException {
    String request = Files.readString(SAMPLES.resolve(name));
    Sent plain = send(request);
    Sent rest = send(Events.restApi("POST", request));
    Sent http = send(Events.httpApi("POST", request));

    int expected = INVALID.contains(name) ? 400 : 202;
    assertThat(plain.invocation().status()).isEqualTo(expected);
    assertThat(plain.invocation().response().has("body")).as("a plain result").isFalse();
    assertThat(rest.invocation().response().path("body").isTextual())
        .as("a proxy response")
        .isTrue();
    for (Sent proxy : List.of(rest, http)) {
      assertThat(proxy.invocation().status()).isEqualTo(expected);
      assertThat(proxy.invocation().answer()).isEqualTo(plain.answerWithoutStatus());
      assertThat(proxy.queue().messages()).isEqualTo(plain.queue().messages());
    }
    assertThat(plain.queue().messages()).hasSize(expected == 202 ? 1 : 0);
    if (expected == 400) {
      assertThat(plain.invocation().answer().path("violations")).isNotEmpty();
    }
  }

  private static Sent send(String event) {
    RecordingQueue queue = new RecordingQueue();
    WidgetRequestHandler handler =
        new WidgetRequestHandler(queue, new RequestParser(), () -> "generated-id");
    return new Sent(Invocation.of(handler, event), queue);
  }

  private record Sent(Invocation invocation, RecordingQueue queue) {
    com.fasterxml.jackson.databind.JsonNode answerWithoutStatus() {
      var answer = invocation.answer().deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("statusCode");
      return answer;
    }
  }
}
