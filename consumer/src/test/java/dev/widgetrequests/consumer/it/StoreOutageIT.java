package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.it.ConsumerFleet.Consumer;
import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.local.LocalService;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.Outage;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.KeyedRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store goes away for 10 s in the middle of a drain of a shuffled, duplicated stream, and one
 * of two consumers is killed with SIGKILL meanwhile and started again: the other keeps running,
 * nothing is dead-lettered, and the store ends in the in-order result. A stack of its own, since
 * the outage would fail every other test on a shared one.
 */
class StoreOutageIT {
  private static final int REQUESTS = 2000;
  private static final long OUTAGE_MILLIS = 10_000;
  private static final Pattern LEFT_FOR_RETRY = Pattern.compile("(\\d+) left for retry");

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.startOnRandomPorts();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @ParameterizedTest(name = "{0} away for 10 s")
  @EnumSource(Store.class)
  void storeAwayAndAConsumerKilled_midDrain_endsInTheInOrderResult(Store store) throws Exception {
    var pipeline = new Pipeline(stack);
    long seed = 4242L + store.ordinal();
    List<KeyedRequest> stream = CourseLikeStream.generate(seed, REQUESTS);
    List<KeyedRequest> plan = CourseLikeStream.sendPlan(stream, seed, 40, 10);
    ConsumerFleet.send(pipeline, plan);
    List<String> source = List.of("-rq", pipeline.queue.queueUrl(), "-qwt", "1", "-qvt", "10");
    Consumer steady = ConsumerFleet.start(pipeline, store, source, "steady");
    Consumer killed = ConsumerFleet.start(pipeline, store, source, "killed");

    ConsumerFleet.awaitTaken(pipeline, plan.size(), plan.size() / 3);
    int leftAtOutage = pipeline.messagesIn(pipeline.queue.queueUrl());
    Consumer restarted;
    try (Outage outage = stack.cut(store == Store.S3 ? LocalService.S3 : LocalService.DYNAMODB)) {
      System.out.printf("%s cut off with %d messages left%n", outage.service(), leftAtOutage);
      Thread.sleep(OUTAGE_MILLIS / 2);
      killed.process().destroyForcibly(); // SIGKILL: what it holds comes back after its timeout
      assertThat(killed.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(OUTAGE_MILLIS / 2);
      assertThat(steady.process().isAlive()).as("consumer alive through the outage").isTrue();
      restarted = ConsumerFleet.start(pipeline, store, source, "restarted");
    }
    ConsumerFleet.awaitExitZero(List.of(steady.process(), restarted.process()));

    Map<String, Widget> expected = CourseLikeStream.inOrder(stream);
    long wrong = ConsumerFleet.wrongWidgets(stream, expected, pipeline.widgets(store));
    long retried = leftForRetry(steady);
    System.out.printf(
        "outage %s: %d requests (%d duplicates), %d left at the outage, %d widgets checked,"
            + " %d left for retry by the steady consumer, %d wrong%n",
        store,
        stream.size(),
        plan.size() - stream.size(),
        leftAtOutage,
        ConsumerFleet.widgetIds(stream),
        retried,
        wrong);
    assertThat(leftAtOutage).as("the outage came in the middle of the drain").isPositive();
    assertThat(retried).as("the steady consumer met the outage").isPositive();
    assertThat(pipeline.messagesIn(pipeline.queue.queueUrl())).isZero();
    assertThat(pipeline.messagesIn(pipeline.queue.deadLetterQueueUrl())).isZero();
    assertThat(pipeline.widgets(store)).isEqualTo(expected);
  }

  private static long leftForRetry(Consumer consumer) throws Exception {
    Matcher matcher = LEFT_FOR_RETRY.matcher(Files.readString(consumer.log().toPath()));
    long last = -1;
    while (matcher.find()) {
      last = Long.parseLong(matcher.group(1));
    }
    return last;
  }
}
