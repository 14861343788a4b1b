package dev.widgetrequests.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules about the body as a whole: present, small enough, one JSON object. */
class RequestParserBodyTest {

  private final RequestParser parser = new RequestParser();

  List<String> violations(String body) {
    ParseResult result = parser.parse(body);
    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid) result).violations().stream().map(Violation::toString).toList();
  }

  /** A valid request padded with an ignored property to exactly {@code bytes} UTF-8 bytes. */
  static String requestOfBytes(int bytes, String padding) {
    String start = RequestParserTest.request().toString();
    String head = start.substring(0, start.length() - 1) + ",\"padding\":\"";
    String tail = "\"}";
    int room = bytes - head.length() - tail.length();
    int unit = padding.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(room % unit).isZero();
    return head + padding.repeat(room / unit) + tail;
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\n\t "})
  void emptyOrBlankBody_isRejectedAsEmpty(String body) {
    assertThat(violations(body)).containsExactly("body: empty");
  }

  @Test
  void body_ofExactlyTheLimit_isAccepted() {
    String body = requestOfBytes(RequestParser.MAX_BODY_BYTES, "x");
    assertThat(parser.parse(body)).isInstanceOf(ParseResult.Valid.class);
  }

  @Test
  void body_overTheLimit_isRejected() {
    String body = requestOfBytes(RequestParser.MAX_BODY_BYTES + 1, "x");
    assertThat(violations(body))
        .containsExactly("body: larger than 262144 bytes (got 262145 bytes)");
  }

  @Test
  void body_limit_countsUtf8BytesNotCharacters() {
    // Fewer characters than the limit, but more bytes: each "é" is two bytes.
    String body = requestOfBytes(RequestParser.MAX_BODY_BYTES + 200, "é");
    assertThat(body.length()).isLessThan(RequestParser.MAX_BODY_BYTES);
    assertThat(violations(body)).singleElement().asString().startsWith("body: larger than");
  }

  @Test
  void utf8Length_countsSurrogatePairsAsFourBytes() {
    assertThat(RequestParser.utf8Length("a\u00e9\u20ac\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "{\"type\":\"create\",}", "{'type':'create'}"})
  void body_notJson_isRejected(String body) {
    assertThat(violations(body)).singleElement().asString().startsWith("body: not valid JSON: ");
  }

  @Test
  void body_withTrailingContent_isRejected() {
    String body = RequestParserTest.request() + " {}";
    assertThat(violations(body)).singleElement().asString().startsWith("body: not valid JSON: ");
  }

  @Test
  void body_withDuplicateKeys_isRejected() {
    ObjectNode request = RequestParserTest.request();
    String body = request.toString().replace("{\"type\"", "{\"owner\":\"Sue Smith\",\"type\"");
    assertThat(violations(body))
        .singleElement()
        .asString()
        .startsWith("body: not valid JSON: ")
        .contains("'owner'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"type\":\"create\"}]", "\"create\"", "42", "null", "true"})
  void body_notAnObject_isRejected(String body) {
    assertThat(violations(body))
        .singleElement()
        .asString()
        .startsWith("body: must be a JSON object (got ");
  }

  @Test
  void body_array_namesWhatItGot() {
    assertThat(violations("[1]")).containsExactly("body: must be a JSON object (got array)");
  }

  @Test
  void parse_fromManyThreadsAtOnce_givesTheSameResults() throws Exception {
    List<String> bodies =
        IntStream.range(0, 200)
            .mapToObj(
                i -> RequestParserTest.request().put("owner", i % 2 == 0 ? "Sue" : "Sue " + i))
            .map(ObjectNode::toString)
            .toList();
    List<ParseResult> expected = bodies.stream().map(parser::parse).toList();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<ParseResult>> results =
          bodies.stream().map(body -> pool.submit(() -> parser.parse(body))).toList();
      for (int i = 0; i < bodies.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i));
      }
    }
  }
}
