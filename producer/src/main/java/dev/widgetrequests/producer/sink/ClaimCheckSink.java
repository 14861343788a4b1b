package dev.widgetrequests.producer.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Claim check: the request object goes to S3 first, then an SQS message that points at it, in the
 * Amazon SQS Extended Client's format. Object first, so no message ever points at nothing. Either
 * every request goes this way, or only those too large for a message of the queue, as the Extended
 * Client does; the others go inline.
 */
public final class ClaimCheckSink implements RequestSink {
  private final BucketSink objects;
  private final QueueSink pointers;
  private final boolean onlyWhenTooLarge;

  /** Every request by claim check. */
  public ClaimCheckSink(BucketSink objects, QueueSink pointers) {
    this(objects, pointers, false);
  }

  private ClaimCheckSink(BucketSink objects, QueueSink pointers, boolean onlyWhenTooLarge) {
    this.objects = objects;
    this.pointers = pointers;
    this.onlyWhenTooLarge = onlyWhenTooLarge;
  }

  /**
   * Requests that fit in a message of {@code queue} ({@link QueueSink#maxMessageBytes}) go inline;
   * larger ones by claim check into {@code objects}.
   */
  public static ClaimCheckSink whenTooLarge(BucketSink objects, QueueSink queue) {
    return new ClaimCheckSink(objects, queue, true);
  }

  @Override
  public void verify() {
    objects.verify();
    pointers.verify();
  }

  @Override
  public void send(List<OutgoingRequest> batch) {
    if (!onlyWhenTooLarge) {
      objects.send(batch);
      pointers.sendMessages(batch.stream().map(this::pointer).toList());
      return;
    }
    List<QueueMessage> inline = batch.stream().map(QueueSink::inline).toList();
    List<OutgoingRequest> tooLarge =
        IntStream.range(0, batch.size())
            .filter(i -> !pointers.fits(inline.get(i)))
            .mapToObj(batch::get)
            .toList();
    if (!tooLarge.isEmpty()) {
      objects.send(tooLarge);
    }
    // One batch in the requests' order, each inline or as its pointer.
    pointers.sendMessages(
        IntStream.range(0, batch.size())
            .mapToObj(i -> pointers.fits(inline.get(i)) ? inline.get(i) : pointer(batch.get(i)))
            .toList());
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
    return onlyWhenTooLarge
        ? pointers.describe()
            + ", requests over "
            + pointers.maxMessageBytes()
            + " bytes by claim check in "
            + objects.describe()
        : objects.describe() + " with pointers on " + pointers.describe();
  }
}
