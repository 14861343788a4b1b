package dev.widgetrequests.aws.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.local.LocalService;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.config.ConfigurationException;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.WidgetStore;
import dev.widgetrequests.model.store.WidgetStoreContract;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

@ExtendWith(LocalStackExtension.class)
class S3WidgetStoreIT extends WidgetStoreContract {
  private static final Instant NOW = Instant.parse("2021-02-02T22:52:48.338Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static LocalStack stack;
  private static S3Client s3;
  private static String bucket;
  private static S3WidgetStore store;
  private static S3WidgetStore second;

  @BeforeAll
  static void createBucket(LocalStack localStack) {
    stack = localStack;
    s3 = stack.s3();
    bucket = stack.createBucket(stack.uniqueName("widgets"));
    store = new S3WidgetStore(s3, bucket, "widgets/", CLOCK);
    second = new S3WidgetStore(s3, bucket, "widgets/", CLOCK);
  }

  @Override
  protected OptionalLong callsSoFar() {
    return OptionalLong.of(stack.callCounts().of(LocalService.S3));
  }

  /** The state object, the widget object, a HEAD of the state. */
  @Override
  protected long callsPerWrite() {
    return 3;
  }

  @Override
  protected WidgetStore store() {
    return store;
  }

  /** Another consumer's store: the local S3 makes conditional writes atomic, as S3 does. */
  @Override
  protected WidgetStore secondStore() {
    return second;
  }

  @Test
  void put_writesObjectAtPrefixOwnerSlugAndId() {
    Widget widget = fullWidget(newId(), "Mary Matthews");

    put(widget);

    assertThat(keysUnder("widgets/mary-matthews/"))
        .contains("widgets/mary-matthews/" + widget.id());
  }

  @Test
  void put_writesJsonBodyWithContentTypeAndBookkeepingInMetadata() {
    Widget widget =
        new Widget(
            "8123f304-f23f-440b-a6d3-80e979fa4cd6",
            "Sue Smith",
            "JWJYY",
            "",
            List.of(new Attribute("width-unit", "cm"), new Attribute("rating", "2.580677")));
    Provenance provenance = new Provenance("e80fab52-71a5", NOW, "1612306368338");

    String key = nextKey();
    store.apply(create(key, "e80fab52-71a5", widget), provenance);

    ResponseBytes<GetObjectResponse> object = raw("widgets/sue-smith/" + widget.id());
    assertThat(object.response().contentType()).isEqualTo("application/json");
    assertThat(object.response().metadata())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "request-id", "e80fab52-71a5",
                "applied-at", "2021-02-02T22:52:48.338Z",
                "position", "1612306368338",
                "order-key", key));
    assertThat(object.asUtf8String())
        .isEqualTo(
            "{\"id\":\"8123f304-f23f-440b-a6d3-80e979fa4cd6\",\"owner\":\"Sue Smith\","
                + "\"label\":\"JWJYY\",\"description\":\"\",\"otherAttributes\":["
                + "{\"name\":\"width-unit\",\"value\":\"cm\"},"
                + "{\"name\":\"rating\",\"value\":\"2.580677\"}]}");
  }

  @Test
  void put_bodyIsTheWidgetJsonInUtf8() {
    Widget widget =
        new Widget(newId(), OWNER, null, "größe 🙂", List.of(new Attribute("note", "日本")));

    put(widget);

    byte[] body = raw(S3WidgetStore.keyFor("widgets/", OWNER, widget.id())).asByteArray();
    assertThat(body).isEqualTo(WidgetJson.toJson(widget).getBytes(StandardCharsets.UTF_8));
    assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("\"label\"");
  }

  @Test
  void put_withoutProvenanceTime_recordsTheClockTime() {
    Widget widget = fullWidget(newId(), OWNER);

    store.apply(create(nextKey(), widget), new Provenance("r1", null, "p1"));

    assertThat(raw(S3WidgetStore.keyFor("widgets/", OWNER, widget.id())).response().metadata())
        .containsEntry("applied-at", "2021-02-02T22:52:48.338Z");
  }

  @Test
  void put_withNonAsciiRequestId_storesItAsEncodedWord() {
    Widget widget = fullWidget(newId(), OWNER);

    store.apply(create(nextKey(), "größe", widget), new Provenance("größe", NOW, "p1"));

    assertThat(raw(S3WidgetStore.keyFor("widgets/", OWNER, widget.id())).response().metadata())
        .containsEntry("request-id", "=?UTF-8?B?Z3LDtsOfZQ==?=");
  }

  /**
   * Request id, position and order key come from senders: each may be long and made of 4-byte
   * characters. Their metadata must still fit S3's 2 KB, which the local stack enforces as S3 does.
   */
  @Test
  void put_withLongFourByteSenderValues_keepsMetadataWithin2Kb() {
    String fourByte = "\uD83D\uDE42".repeat(200);
    Widget widget = fullWidget(newId(), OWNER);
    String key = nextKey() + fourByte;

    StoreOutcome outcome =
        store.apply(create(key, fourByte, widget), new Provenance(fourByte, NOW, fourByte));

    assertThat(outcome).isEqualTo(new StoreOutcome.Applied());
    Map<String, String> metadata = raw(keyOf(widget)).response().metadata();
    assertThat(metadataBytes(metadata)).isLessThanOrEqualTo(2048);
    assertThat(metadata).containsKeys("request-id", "position", "order-key");
  }

  @Test
  void put_withLongValuesSharingAPrefix_keepsThemApart() {
    String prefix = "r".repeat(400);
    Widget first = fullWidget(newId(), OWNER);
    Widget second = fullWidget(newId(), OWNER);

    store.apply(create(nextKey(), prefix + "1", first), new Provenance(prefix + "1", NOW, "p"));
    store.apply(create(nextKey(), prefix + "2", second), new Provenance(prefix + "2", NOW, "p"));

    assertThat(raw(keyOf(first)).response().metadata().get("request-id"))
        .isNotEqualTo(raw(keyOf(second)).response().metadata().get("request-id"));
  }

  @Test
  void create_byAnOwnerSharingTheSlug_isRefusedAsForAnyOtherOwner() {
    Widget widget = fullWidget(newId(), "Mary Matthews");
    put(widget);

    assertThat(apply(create(nextKey(), fullWidget(widget.id(), "mary matthews"))))
        .isInstanceOf(StoreOutcome.Warned.class);

    assertThat(WidgetJson.widgetFromJson(raw(keyOf(widget)).asUtf8String())).isEqualTo(widget);
  }

  @Test
  void delete_removesTheObject_andKeepsTheStateOutsideTheWidgetPrefix() {
    Widget widget = fullWidget(newId(), OWNER);
    put(widget);

    apply(delete(nextKey(), widget.id(), OWNER));

    assertThatThrownBy(() -> raw(keyOf(widget))).isInstanceOf(NoSuchKeyException.class);
    assertThat(keysUnder("widget-state/")).contains("widget-state/" + widget.id());
    assertThat(keysUnder("widgets/")).noneMatch(key -> key.endsWith(widget.id()));
  }

  @Test
  void recreateByAnotherOwner_movesTheObjectToTheNewOwnersKey() {
    Widget first = fullWidget(newId(), OWNER);
    put(first);
    apply(delete(nextKey(), first.id(), OWNER));
    Widget second = fullWidget(first.id(), "Sue Smith");

    put(second);

    assertThat(keysUnder("widgets/")).contains(keyOf(second)).doesNotContain(keyOf(first));
  }

  @Test
  void duplicate_restoresAnObjectThatAStoppedConsumerNeverWrote() {
    Widget widget = fullWidget(newId(), OWNER);
    var create = create(nextKey(), widget);
    apply(create);
    s3.deleteObject(b -> b.bucket(bucket).key(keyOf(widget)));

    assertThat(apply(create)).isInstanceOf(StoreOutcome.Duplicate.class);

    assertThat(WidgetJson.widgetFromJson(raw(keyOf(widget)).asUtf8String())).isEqualTo(widget);
  }

  @Test
  void twoStoresOnOneBucket_racingWithStaleCopies_loseNoChange() {
    S3WidgetStore other = new S3WidgetStore(s3, bucket, "widgets/", CLOCK);
    String id = newId();
    Widget widget = new Widget(id, OWNER, "L", null, List.of());
    put(widget);

    other.apply(update(nextKey(), id, OWNER, null, new Attribute("a", "1")), PROVENANCE);
    apply(update(nextKey(), id, OWNER, null, new Attribute("b", "2")));
    other.apply(update(nextKey(), id, OWNER, null, new Attribute("c", "3")), PROVENANCE);

    List<Attribute> expected =
        List.of(new Attribute("a", "1"), new Attribute("b", "2"), new Attribute("c", "3"));
    assertThat(store.find(id).orElseThrow().otherAttributes()).isEqualTo(expected);
    assertThat(WidgetJson.widgetFromJson(raw(keyOf(widget)).asUtf8String()).otherAttributes())
        .isEqualTo(expected);
  }

  @Test
  void create_withOtherPrefix_writesUnderIt() {
    S3WidgetStore prefixed = new S3WidgetStore(s3, bucket, "shop/", CLOCK);
    Widget widget = fullWidget(newId(), "Sue Smith");

    prefixed.apply(create(nextKey(), widget), PROVENANCE);

    assertThat(keysUnder("shop/")).containsExactly("shop/sue-smith/" + widget.id());
    assertThat(prefixed.find(widget.id())).contains(widget);
    assertThat(keysUnder("widgets/")).noneMatch(key -> key.endsWith(widget.id()));
  }

  @Test
  void checkAvailable_existingBucket_passes() {
    store.checkAvailable();
  }

  @Test
  void checkAvailable_missingBucket_namesTheBucketAndTheOption() {
    String missing = stack.uniqueName("missing");
    S3WidgetStore nowhere = new S3WidgetStore(s3, missing, "widgets/", CLOCK);

    assertThatThrownBy(nowhere::checkAvailable)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "widget bucket \"%s\" does not exist: create it or pass the right name with"
                + " --widget-bucket",
            missing);
  }

  /** The size S3 measures: UTF-8 bytes of every key and value. */
  private static int metadataBytes(Map<String, String> metadata) {
    return metadata.entrySet().stream()
        .mapToInt(
            e ->
                e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length)
        .sum();
  }

  private static String keyOf(Widget widget) {
    return S3WidgetStore.keyFor("widgets/", widget.owner(), widget.id());
  }

  private static ResponseBytes<GetObjectResponse> raw(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
  }

  private static List<String> keysUnder(String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }
}
