package dev.widgetrequests.lambda.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    return proxyJson.readEvent(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void restApiEvent_isPayload1_withItsHttpMethod() throws IOException {
    ProxyEvent event = read("{\"httpMethod\":\"POST\",\"body\":\"{}\",\"isBase64Encoded\":false}");

    assertThat(event).isEqualTo(new ProxyEvent(PayloadFormat.V1, "POST", "{}"));
  }

  @Test
  void httpApiEvent_isPayload2_withTheMethodFromItsRequestContext() throws IOException {
    ProxyEvent event =
        read(
            "{\"version\":\"2.0\",\"requestContext\":{\"http\":{\"method\":\"PUT\"}},"
                + "\"body\":\"x\"}");

    assertThat(event).isEqualTo(new ProxyEvent(PayloadFormat.V2, "PUT", "x"));
  }

  @Test
  void base64Body_isDecodedAsUtf8() throws IOException {
    String encoded =
        Base64.getEncoder().encodeToString("{\"owner\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));

    ProxyEvent event =
        read("{\"httpMethod\":\"POST\",\"body\":\"" + encoded + "\",\"isBase64Encoded\":true}");

    assertThat(event.body()).isEqualTo("{\"owner\":\"Zoë\"}");
  }

  @Test
  void missingOrNullBody_isEmpty() throws IOException {
    assertThat(read("{\"httpMethod\":\"GET\",\"body\":null}").body()).isEmpty();
    assertThat(
            read("{\"version\":\"2.0\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}").body())
        .isEmpty();
  }

  @Test
  void jsonThatIsNotAProxyEvent_isRefused() {
    assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> read("{\"detail-type\":\"Scheduled Event\"}"))
        .isInstanceOf(IllegalArgumentException.class);
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
}
