package dev.widgetrequests.producer.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Claim check: the request object goes to S3 first, then an SQS message that points at it, in the
 * Amazon SQS Extended Client's format. Object first, so no message ever points at nothing.
 */
public final class ClaimCheckSink implements RequestSink {
  private final BucketSink objects;
  private final QueueSink pointers;

  public ClaimCheckSink(BucketSink objects, QueueSink pointers) {
    this.objects = objects;
    this.pointers = pointers;
  }

  @Override
  public void verify() {
    objects.verify();
    pointers.verify();
  }

  @Override
  public void send(List<OutgoingRequest> batch) {
    objects.send(batch);
    pointers.sendMessages(batch.stream().map(this::pointer).toList());
  }

  private QueueMessage pointer(OutgoingRequest request) {
    int size = request.body().getBytes(StandardCharsets.UTF_8).length;
    MessageAttributeValue sizeAttribute =
        MessageAttributeValue.builder()
            .dataType("Number")
            .stringValue(Integer.toString(size))
            .build();
    return QueueMessage.of(
        request,
        PayloadPointer.json(objects.bucket(), request.key()),
        Map.of(PayloadPointer.SIZE_ATTRIBUTE, sizeAttribute));
  }

  /** As its queue: a pointer's order key is the key of the object it points at. */
  @Override
  public boolean keepsWidgetOrder() {
    return pointers.keepsWidgetOrder();
  }

  @Override
  public int maxBatchSize() {
    return pointers.maxBatchSize();
  }

  @Override
  public String describe() {
    return objects.describe() + " with pointers on " + pointers.describe();
  }
}
