package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {
  /** What S3 accepts for a bucket name, the strictest of the three services. */
  private static final String BUCKET_SAFE = "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]";

  private final UniqueNames names = new UniqueNames();

  @Test
  void next_returnsANewNameOnEveryCall() {
    Set<String> seen = new HashSet<>();
    IntStream.range(0, 1000).forEach(i -> seen.add(names.next("widgets")));

    assertThat(seen).hasSize(1000).allMatch(name -> name.startsWith("widgets-"));
  }

  @Test
  void next_makesAnyPrefixBucketSafe() {
    assertThat(names.next("My Test_Bucket.Name!")).matches("my-test-bucket-name-[a-z0-9-]+");
    assertThat(names.next("--Edge--")).startsWith("edge-");
    assertThat(names.next("")).matches(BUCKET_SAFE);
    assertThat(names.next("???")).matches(BUCKET_SAFE);
  }

  @Test
  void next_withLongPrefix_leavesRoomForADeadLetterSuffix() {
    String name = names.next("x".repeat(200));

    assertThat(name + "-dlq").matches(BUCKET_SAFE);
  }
}
