package dev.widgetrequests.producer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TypeNamesTest {
  private final RequestParser parser = new RequestParser();

  @Test
  void longNames_spellEachTypeTheSchemasWay_andMeanTheSameRequest() {
    RequestGenerator generator = RequestGenerator.seeded(3);
    Stream.generate(generator::next)
        .limit(200)
        .forEach(
            request -> {
              String json = TypeNames.LONG.json(request);
              assertThat(json).startsWith("{\"type\":\"Widget").contains("Request\",");
              assertThat(json)
                  .isEqualTo(
                      WidgetJson.toJson(request)
                          .replaceFirst(
                              "\"type\":\"" + request.type() + "\"",
                              "\"type\":\"Widget"
                                  + Character.toUpperCase(request.type().charAt(0))
                                  + request.type().substring(1)
                                  + "Request\""));
              assertThat(parser.parse(json))
                  .isInstanceOfSatisfying(
                      ParseResult.Valid.class,
                      valid -> assertThat(valid.request()).isEqualTo(request));
            });
  }

  @Test
  void shortNames_areTheCourseProducers() {
    WidgetRequest request = RequestGenerator.seeded(4).next();
    assertThat(TypeNames.SHORT.json(request)).isEqualTo(WidgetJson.toJson(request));
  }

  @Test
  void named_takesShortOrLong_inAnyCase() {
    assertThat(TypeNames.named("LONG")).isEqualTo(TypeNames.LONG);
    assertThat(TypeNames.named(" short ")).isEqualTo(TypeNames.SHORT);
    assertThatThrownBy(() -> TypeNames.named("schema"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
