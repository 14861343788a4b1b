package dev.widgetrequests.cli.bench;

import dev.widgetrequests.local.CallCounts;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The seed's consumer design, for comparison: one request at a time, each with its own calls in a
 * row (receive one, read the pointed-to object, read the widget, write it, delete the message). It
 * parses with the project's parser but stores plain items and objects.
 */
final class OneAtATime {
  private static final Pattern POINTER =
      Pattern.compile("\"s3BucketName\"\\s*:\\s*\"([^\"]+)\".*\"s3Key\"\\s*:\\s*\"([^\"]+)\"");

  private final BenchClients clients;
  private final Resources resources;
  private final RequestParser parser = new RequestParser();

  OneAtATime(BenchClients clients, Resources resources) {
    this.clients = clients;
    this.resources = resources;
  }

  /** Drains at most {@code sample} requests or for at most {@code cap}, whichever comes first. */
  Drain drain(int total, int sample, Duration cap, BenchProgress progress) {
    long start = System.currentTimeMillis();
    long deadline = start + cap.toMillis();
    CallCounts callsBefore = resources.stack().callCounts();
    List<Long> latencies = new ArrayList<>();
    int empty = 0;
    while (latencies.size() < sample && System.currentTimeMillis() < deadline && empty < 3) {
      boolean took = resources.path().queue ? fromQueue() : fromBucket();
      if (took) {
        latencies.add(System.currentTimeMillis() - start);
        empty = 0;
        progress.show("one-at-a-time", latencies.size(), Math.min(total, sample), start);
      } else {
        empty++;
      }
    }
    double seconds = latencies.isEmpty() ? 0 : latencies.getLast() / 1000.0;
    String note =
        latencies.size() < total ? "sample: first " + latencies.size() + " of " + total : "";
    double calls =
        Drain.callsPerRequest(callsBefore, resources.stack().callCounts(), latencies.size());
    return new Drain(
        "one-at-a-time",
        latencies.size(),
        seconds,
        Drain.latencies(latencies),
        -1,
        -1,
        -1,
        calls,
        note);
  }

  private boolean fromQueue() {
    String url = resources.queue().queueUrl();
    List<Message> messages =
        clients
            .sqs()
            .receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(1))
            .messages();
    if (messages.isEmpty()) {
      return false;
    }
    Message message = messages.getFirst();
    String body = message.body();
    Matcher pointer = POINTER.matcher(body);
    boolean pointed = resources.path().pointers && pointer.find();
    if (pointed) {
      body = readObject(pointer.group(1), pointer.group(2));
    }
    store(body);
    clients.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
    if (pointed) {
      clients.s3().deleteObject(r -> r.bucket(pointer.group(1)).key(pointer.group(2)));
    }
    return true;
  }

  private boolean fromBucket() {
    String bucket = resources.requestBucket();
    var listed = clients.s3().listObjectsV2(r -> r.bucket(bucket).maxKeys(1)).contents();
    if (listed.isEmpty()) {
      return false;
    }
    String key = listed.getFirst().key();
    store(readObject(bucket, key));
    clients.s3().deleteObject(r -> r.bucket(bucket).key(key));
    return true;
  }

  private String readObject(String bucket, String key) {
    return clients.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
  }

  private void store(String body) {
    if (!(parser.parse(body) instanceof ParseResult.Valid(WidgetRequest request))) {
      return;
    }
    if (resources.path().table) {
      Map<String, AttributeValue> key = Map.of("id", text(request.widgetId()));
      clients.dynamoDb().getItem(r -> r.tableName(resources.table()).key(key));
      switch (request) {
        case CreateWidget c -> putItem(request);
        case UpdateWidget u -> putItem(request);
        case DeleteWidget d ->
            clients.dynamoDb().deleteItem(r -> r.tableName(resources.table()).key(key));
      }
    } else {
      String key =
          "widgets/" + request.owner().replace(' ', '-').toLowerCase() + "/" + request.widgetId();
      String bucket = resources.widgetBucket();
      try {
        clients.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key));
      } catch (NoSuchKeyException absent) {
        // a create
      }
      switch (request) {
        case CreateWidget c -> putObject(bucket, key, body);
        case UpdateWidget u -> putObject(bucket, key, body);
        case DeleteWidget d -> clients.s3().deleteObject(r -> r.bucket(bucket).key(key));
      }
    }
  }

  private void putItem(WidgetRequest request) {
    Map<String, AttributeValue> item =
        Map.of("id", text(request.widgetId()), "owner", text(request.owner()));
    clients.dynamoDb().putItem(r -> r.tableName(resources.table()).item(item));
  }

  private void putObject(String bucket, String key, String body) {
    clients.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  private static AttributeValue text(String value) {
    return AttributeValue.fromS(value);
  }
}
