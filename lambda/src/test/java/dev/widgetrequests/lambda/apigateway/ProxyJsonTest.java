package dev.widgetrequests.lambda.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProxyJsonTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final ProxyJson proxyJson = new ProxyJson(mapper);

  private ProxyEvent read(String event) throws IOException {
    return ((EventRead.Event) readAny(event)).event();
  }

  private EventRead readAny(String event) throws IOException {
    return proxyJson.readEvent(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(ProxyEvent event) {
    return new String(event.body(), StandardCharsets.UTF_8);
  }

  @Test
  void restApiEvent_isPayload1_withItsHttpMethod() throws IOException {
    ProxyEvent event = read("{\"httpMethod\":\"POST\",\"body\":\"{}\",\"isBase64Encoded\":false}");

    assertThat(event.format()).isEqualTo(PayloadFormat.V1);
    assertThat(event.method()).isEqualTo("POST");
    assertThat(text(event)).isEqualTo("{}");
  }

  @Test
  void httpApiEvent_isPayload2_withTheMethodFromItsRequestContext() throws IOException {
    ProxyEvent event =
        read(
            "{\"version\":\"2.0\",\"requestContext\":{\"http\":{\"method\":\"PUT\"}},"
                + "\"body\":\"x\"}");

    assertThat(event.format()).isEqualTo(PayloadFormat.V2);
    assertThat(event.method()).isEqualTo("PUT");
    assertThat(text(event)).isEqualTo("x");
  }

  @Test
  void base64Body_isDecodedToItsBytes() throws IOException {
    String encoded =
        Base64.getEncoder().encodeToString("{\"owner\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));

    ProxyEvent event =
        read("{\"httpMethod\":\"POST\",\"body\":\"" + encoded + "\",\"isBase64Encoded\":true}");

    assertThat(text(event)).isEqualTo("{\"owner\":\"Zoë\"}");
  }

  @Test
  void missingOrNullBody_isEmpty() throws IOException {
    assertThat(read("{\"httpMethod\":\"GET\",\"body\":null}").body()).isEmpty();
    assertThat(read("{\"httpMethod\":\"GET\",\"body\":null}").contentTypes()).isEmpty();
    assertThat(
            read("{\"version\":\"2.0\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}").body())
        .isEmpty();
  }

  @Test
  void inputThatIsNotAProxyEvent_isMalformed_notAnException() throws IOException {
    for (String input :
        new String[] {"[1,2]", "{\"detail-type\":\"Scheduled Event\"}", "not json", "{", "{}"}) {
      assertThat(readAny(input)).as(input).isInstanceOf(EventRead.Malformed.class);
    }
  }

  @Test
  void bodyMarkedBase64ThatIsNot_isMalformed() throws IOException {
    assertThat(readAny("{\"httpMethod\":\"POST\",\"body\":\"%%%\",\"isBase64Encoded\":true}"))
        .isEqualTo(new EventRead.Malformed("event body is marked base64 but is not base64", true));
  }

  @Test
  void contentTypes_areFoundWhateverTheCaseOfTheHeaderName() throws IOException {
    ProxyEvent event =
        read(
            "{\"httpMethod\":\"POST\",\"headers\":{\"CONTENT-type\":\"text/plain\"},"
                + "\"multiValueHeaders\":{\"Content-Type\":[\"a/b\",\"c/d\"]}}");

    assertThat(event.body()).isEmpty();
    assertThat(event.contentTypes()).containsExactly("text/plain", "a/b", "c/d");
  }

  @Test
  void response_hasStatusHeadersTextBody_andIsNotBase64() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    proxyJson.writeResponse(
        ProxyResponse.json(405, "{\"message\":\"no\"}").withHeader("Allow", "POST"), output);

    JsonNode response = mapper.readTree(output.toByteArray());
    assertThat(response.path("statusCode").asInt()).isEqualTo(405);
    assertThat(response.path("headers").path("Content-Type").asText())
        .isEqualTo("application/json");
    assertThat(response.path("headers").path("Allow").asText()).isEqualTo("POST");
    assertThat(response.path("body").asText()).isEqualTo("{\"message\":\"no\"}");
    assertThat(response.path("isBase64Encoded").asBoolean(true)).isFalse();
  }

  @Test
  void eventNamingARequestField_isAPlainRequest_keptAsItsRawBytes() throws IOException {
    String request = "{\"type\":\"create\", \"owner\":\"a\",\"owner\":\"b\", \"n\":1.50}";

    assertThat(readAny(request))
        .isInstanceOfSatisfying(
            EventRead.Plain.class,
            plain ->
                assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(request));
  }

  @Test
  void passthroughTemplateEvent_isAPlainRequest_fromItsBodyJson() throws IOException {
    String event =
        "{\"body-json\":{\"type\":\"create\"},\"params\":{},\"context\":{\"http-method\":\"POST\"}}";

    assertThat(readAny(event))
        .isInstanceOfSatisfying(
            EventRead.Plain.class,
            plain ->
                assertThat(new String(plain.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"type\":\"create\"}"));
  }

  @Test
  void blankInput_isAnEmptyPlainRequest() throws IOException {
    assertThat(readAny(" \n"))
        .isInstanceOfSatisfying(EventRead.Plain.class, plain -> assertThat(plain.body()).isEmpty());
  }

  @Test
  void handWrittenEventWithOnlyABody_isAPost_andAnObjectBodyIsItsJson() throws IOException {
    ProxyEvent bodyOnly = read("{\"body\":\"{}\",\"headers\":{\"Content-Type\":\"text/plain\"}}");
    assertThat(bodyOnly.method()).isEqualTo("POST");
    assertThat(bodyOnly.contentTypes()).containsExactly("text/plain");
    assertThat(text(read("{\"httpMethod\":\"POST\",\"body\":{\"a\":[1]}}")))
        .isEqualTo("{\"a\":[1]}");
  }

  @Test
  void notARequestNorAProxyEvent_isMalformed_andAnsweredPlain() throws IOException {
    assertThat(readAny("{\"body\":\"{}\",\"eventType\":\"MESSAGE\"}"))
        .isInstanceOfSatisfying(
            EventRead.Malformed.class,
            malformed -> {
              assertThat(malformed.proxy()).isFalse();
              assertThat(malformed.reason()).contains("neither a widget request");
            });
  }

  @Test
  void plainResult_isTheAnswerWithItsStatusFirst() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    proxyJson.writePlainResult(ProxyResponse.json(202, "{\"requestId\":\"r\"}"), out);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"statusCode\":202,\"requestId\":\"r\"}");
  }
}
