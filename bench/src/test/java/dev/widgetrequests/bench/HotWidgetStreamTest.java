package dev.widgetrequests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotWidgetStreamTest {
  private static final Clock AT_ONE_MILLISECOND =
      Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC);

  @Test
  void hotWidget_isTheCreateThen600UpdatesInOrder_withAnotherCreateAfterEveryTenth() {
    List<WidgetRequest> stream = HotWidgetStream.hotWidget();

    assertThat(stream).hasSize(661);
    assertThat(stream.getFirst()).isInstanceOf(CreateWidget.class);
    assertThat(stream.getFirst().widgetId()).isEqualTo("hot");
    List<String> labels =
        stream.stream()
            .filter(UpdateWidget.class::isInstance)
            .map(request -> ((UpdateWidget) request).label())
            .toList();
    assertThat(labels).hasSize(600).startsWith("1", "2").endsWith("599", "600");
    assertThat(stream).filteredOn(r -> r.widgetId().equals("hot")).hasSize(601);
    // the tenth update, then the first other widget; the last request is the sixtieth other
    assertThat(((UpdateWidget) stream.get(10)).label()).isEqualTo("10");
    assertThat(stream.get(11).widgetId()).isEqualTo("other-10");
    assertThat(stream.getLast().widgetId()).isEqualTo("other-600");
    assertThat(HotWidgetStream.otherIds(stream))
        .hasSize(60)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("other-\\d+0"));
    assertThat(stream)
        .filteredOn(r -> r.widgetId().startsWith("other-"))
        .allMatch(CreateWidget.class::isInstance);
  }

  @Test
  void distinctWidgets_are661CreatesOfWidgetsOfTheirOwn() {
    List<WidgetRequest> stream = HotWidgetStream.distinctWidgets();

    assertThat(stream).hasSize(661).allMatch(CreateWidget.class::isInstance);
    assertThat(stream.stream().map(WidgetRequest::widgetId)).doesNotHaveDuplicates();
    assertThat(HotWidgetStream.otherIds(stream)).isEmpty();
  }

  @Test
  void keyed_sortsInStreamOrderWithinOneMillisecond_andEveryBodyIsAValidRequest() {
    List<WidgetRequest> stream = HotWidgetStream.hotWidget();

    List<OutgoingRequest> keyed = HotWidgetStream.keyed(stream, AT_ONE_MILLISECOND);

    assertThat(keyed.stream().map(OutgoingRequest::request).toList()).isEqualTo(stream);
    assertThat(keyed.stream().map(OutgoingRequest::key).toList())
        .isSorted()
        .doesNotHaveDuplicates()
        .allMatch(key -> key.startsWith(AT_ONE_MILLISECOND.millis() + "-"));
    RequestParser parser = new RequestParser();
    for (OutgoingRequest request : keyed) {
      assertThat(parser.parse(request.body())).isEqualTo(new ParseResult.Valid(request.request()));
    }
  }
}
