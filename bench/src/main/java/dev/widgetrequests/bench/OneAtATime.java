package dev.widgetrequests.bench;

import dev.widgetrequests.local.Metered;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.apply.Change;
import dev.widgetrequests.model.apply.RequestApplier;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The seed's consumer design, for comparison: one request at a time, each with its own calls in a
 * row (receive one, read the pointed-to object, read the widget, write it, delete the message). It
 * parses and applies requests with the project's model, and keeps no history: in a table, the
 * widget as an item of its own attributes with its owner and time of change (so it is in the owner
 * index, as the naive consumer's items are); in a bucket, the request body as the widget object.
 */
final class OneAtATime {
  private static final Pattern POINTER =
      Pattern.compile("\"s3BucketName\"\\s*:\\s*\"([^\"]+)\".*\"s3Key\"\\s*:\\s*\"([^\"]+)\"");

  private static final String OWNER = "owner";
  private static final String LABEL = "label";
  private static final String DESCRIPTION = "description";
  private static final String LAST_MODIFIED_ON = "last_modified_on";
  private static final Set<String> RESERVED =
      Set.of("id", OWNER, LABEL, DESCRIPTION, LAST_MODIFIED_ON);

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
    Metered before = resources.stack().metered();
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
    Metered metered = resources.stack().metered().minus(before);
    return new Drain(
        "one-at-a-time",
        latencies.size(),
        seconds,
        Drain.latencies(latencies),
        -1,
        -1,
        -1,
        metered,
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
      Map<String, AttributeValue> old =
          clients.dynamoDb().getItem(r -> r.tableName(resources.table()).key(key)).item();
      switch (RequestApplier.apply(request, widgetOf(old))) {
        case Change.Put put ->
            clients
                .dynamoDb()
                .putItem(r -> r.tableName(resources.table()).item(itemOf(put.widget())));
        case Change.Remove remove ->
            clients.dynamoDb().deleteItem(r -> r.tableName(resources.table()).key(key));
        case Change.Skip skip -> {
          // Nothing to write.
        }
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

  /** The widget as a naive consumer stores it: its attributes, owner and time of change. */
  private static Map<String, AttributeValue> itemOf(Widget widget) {
    Map<String, AttributeValue> item = new HashMap<>();
    widget.otherAttributes().forEach(a -> item.put(a.name(), text(a.value())));
    item.put("id", text(widget.id()));
    item.put(OWNER, text(widget.owner()));
    if (widget.label() != null) {
      item.put(LABEL, text(widget.label()));
    }
    if (widget.description() != null) {
      item.put(DESCRIPTION, text(widget.description()));
    }
    item.put(LAST_MODIFIED_ON, text(Instant.now().toString()));
    return item;
  }

  private static Optional<Widget> widgetOf(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    List<Attribute> others = new ArrayList<>();
    item.forEach(
        (name, value) -> {
          if (!RESERVED.contains(name)) {
            others.add(new Attribute(name, value.s()));
          }
        });
    return Optional.of(
        new Widget(
            item.get("id").s(),
            item.get(OWNER).s(),
            item.containsKey(LABEL) ? item.get(LABEL).s() : null,
            item.containsKey(DESCRIPTION) ? item.get(DESCRIPTION).s() : null,
            others));
  }

  private void putObject(String bucket, String key, String body) {
    clients.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  private static AttributeValue text(String value) {
    return AttributeValue.fromS(value);
  }
}
