package dev.widgetrequests.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The same request stream leaves the S3 store and the DynamoDB store in the same state. */
@ExtendWith(LocalStackExtension.class)
class StoresAgreeIT {
  private static final Path FIXTURES = Path.of("..", "fixtures");
  private static final String PREFIX = "widgets/";

  private static S3Client s3;
  private static DynamoDbClient dynamoDb;
  private static String bucket;
  private static String table;

  @BeforeAll
  static void createResources(LocalStack stack) {
    s3 = stack.s3();
    dynamoDb = stack.dynamoDb();
    bucket = stack.createBucket(stack.uniqueName("agree"));
    table = stack.createWidgetTable(stack.uniqueName("agree"), "id");
  }

  @Test
  void courseSamples_endTheSameInS3AndDynamoDbAsExpected() throws IOException {
    Clock clock = Clock.systemUTC();
    S3WidgetStore s3Store = new S3WidgetStore(s3, bucket, PREFIX, clock);
    DynamoDbWidgetStore dynamoDbStore = new DynamoDbWidgetStore(dynamoDb, table, "id", clock);

    assertThat(applyCourseSamples(s3Store, clock)).as("invalid samples").isEqualTo(3);
    assertThat(applyCourseSamples(dynamoDbStore, clock)).as("invalid samples").isEqualTo(3);

    Map<String, Widget> inS3 = widgetsInBucket();
    Map<String, Widget> inDynamoDb = widgetsInTable(dynamoDbStore);
    assertThat(inS3).isEqualTo(inDynamoDb);
    assertThat(inS3).isEqualTo(expected());
  }

  /** Applies the samples in file-name (S3 key) order; returns how many were invalid. */
  private static int applyCourseSamples(WidgetStore store, Clock clock) throws IOException {
    RequestParser parser = new RequestParser();
    int invalid = 0;
    for (Path sample : courseSamples()) {
      String position = sample.getFileName().toString();
      if (!(parser.parse(Files.readString(sample)) instanceof ParseResult.Valid valid)) {
        invalid++;
        continue;
      }
      var request = valid.request();
      store.apply(
          new KeyedRequest(position, request),
          new Provenance(request.requestId(), clock.instant(), position));
    }
    return invalid;
  }

  private static List<Path> courseSamples() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES.resolve("course-samples"))) {
      List<Path> samples = files.sorted().toList();
      assertThat(samples).hasSize(35);
      return samples;
    }
  }

  /** Every widget object in the bucket by id, checking each sits at its documented key. */
  private static Map<String, Widget> widgetsInBucket() {
    Map<String, Widget> widgets = new TreeMap<>();
    for (S3Object object :
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX)).contents()) {
      String body = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asUtf8String();
      Widget widget = WidgetJson.widgetFromJson(body);
      assertThat(object.key()).isEqualTo(S3WidgetStore.keyFor(PREFIX, widget.owner(), widget.id()));
      assertThat(widgets.put(widget.id(), widget))
          .as("another object for %s", widget.id())
          .isNull();
    }
    return widgets;
  }

  private static Map<String, Widget> widgetsInTable(DynamoDbWidgetStore store) {
    Map<String, Widget> widgets = new TreeMap<>();
    for (var item : dynamoDb.scanPaginator(b -> b.tableName(table)).items()) {
      String id = item.get("id").s();
      if (!item.containsKey("wr_tombstone")) {
        widgets.put(id, store.find(id).orElseThrow());
      }
    }
    return widgets;
  }

  private static Map<String, Widget> expected() throws IOException {
    String json =
        Files.readString(
            FIXTURES.resolve("expected").resolve("course-samples-widgets.json"),
            StandardCharsets.UTF_8);
    Map<String, Widget> widgets = new TreeMap<>();
    WidgetJson.widgetsFromJson(json).forEach(widget -> widgets.put(widget.id(), widget));
    return widgets;
  }
}
