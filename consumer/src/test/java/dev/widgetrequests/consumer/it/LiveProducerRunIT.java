package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.it.Pipeline.Path;
import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Widget;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The 222 requests of a real course-producer run, through each path into both stores. */
@ExtendWith(LocalStackExtension.class)
class LiveProducerRunIT {

  @ParameterizedTest
  @EnumSource(Path.class)
  void everyPath_leavesTheSameStateInS3AndDynamoDb(Path path, LocalStack stack) {
    var requests = Fixtures.liveProducerRun();
    Map<String, Widget> expected = Expected.finalWidgets(requests.values());
    // Queues keep each widget's requests in order only as FIFO queues (group = widget).
    boolean queue = path != Path.BUCKET;
    var pipeline = new Pipeline(stack, queue);

    pipeline.feed(path, requests, queue);
    assertThat(pipeline.consume(path, Store.S3)).isZero();
    pipeline.feed(path, requests, queue);
    assertThat(pipeline.consume(path, Store.DYNAMODB)).isZero();

    assertThat(expected).hasSizeGreaterThan(150);
    assertThat(pipeline.s3Widgets()).isEqualTo(expected);
    assertThat(pipeline.tableWidgets()).isEqualTo(expected);
    assertThat(pipeline.objects(pipeline.requestBucket, "")).isEmpty();
    assertThat(pipeline.messagesIn(pipeline.queue.queueUrl())).isZero();
    assertThat(pipeline.messagesIn(pipeline.queue.deadLetterQueueUrl())).isZero();
  }
}
