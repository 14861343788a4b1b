package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional writes on the local stack are atomic, as on AWS: of writers that race with the same
 * condition, exactly one wins, every time.
 */
@ExtendWith(LocalStackExtension.class)
class ConditionalWriteRaceIT {
  private static final int TRIALS = 200;
  private static final int WRITERS = 8;

  private static String bucket;
  private static String table;

  @BeforeAll
  static void createResources(LocalStack stack) {
    bucket = stack.createBucket(stack.uniqueName("race"));
    table = stack.createWidgetTable(stack.uniqueName("race"), "id");
  }

  @Test
  void dynamoDbConditionExpression_eightWritersOnOneVersion_exactlyOneWinsEachTrial(
      LocalStack stack) throws Exception {
    var dynamoDb = stack.dynamoDb();
    List<Integer> winners = new ArrayList<>();
    try (Race race = new Race(WRITERS, Executors.newFixedThreadPool(WRITERS))) {
      for (int trial = 0; trial < TRIALS; trial++) {
        String id = "w-" + trial;
        dynamoDb.putItem(r -> r.tableName(table).item(item(id, 0, "start")));
        winners.add(
            race.run(
                writer -> {
                  try {
                    dynamoDb.putItem(
                        r ->
                            r.tableName(table)
                                .item(item(id, 1, "writer-" + writer))
                                .conditionExpression("wr_version = :seen")
                                .expressionAttributeValues(
                                    Map.of(":seen", AttributeValue.fromN("0"))));
                    return true;
                  } catch (ConditionalCheckFailedException e) {
                    return false;
                  }
                }));
      }
    }
    assertThat(winners).hasSize(TRIALS).containsOnly(1);
  }

  @Test
  void s3IfMatch_eightWritersWithTheSameETag_exactlyOneWinsEachTrial(LocalStack stack)
      throws Exception {
    var s3 = stack.s3();
    List<Integer> winners = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    try (Race race = new Race(WRITERS, Executors.newFixedThreadPool(WRITERS))) {
      for (int trial = 0; trial < TRIALS; trial++) {
        String key = "if-match/" + trial;
        String eTag =
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("start")).eTag();
        List<String> won = new ArrayList<>();
        winners.add(
            race.run(
                writer -> {
                  try {
                    s3.putObject(
                        r -> r.bucket(bucket).key(key).ifMatch(eTag),
                        RequestBody.fromString("writer-" + writer));
                    synchronized (won) {
                      won.add("writer-" + writer);
                    }
                    return true;
                  } catch (S3Exception e) {
                    synchronized (lost) {
                      lost.add(e.statusCode() + " " + e.awsErrorDetails().errorCode());
                    }
                    return false;
                  }
                }));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String()).isIn(won);
      }
    }
    assertThat(winners).hasSize(TRIALS).containsOnly(1);
    assertThat(lost).hasSize(TRIALS * (WRITERS - 1)).containsOnly("412 PreconditionFailed");
  }

  @Test
  void s3IfNoneMatchStar_eightWritersOnANewKey_exactlyOneWinsEachTrial(LocalStack stack)
      throws Exception {
    var s3 = stack.s3();
    List<Integer> winners = new ArrayList<>();
    try (Race race = new Race(WRITERS, Executors.newFixedThreadPool(WRITERS))) {
      for (int trial = 0; trial < TRIALS; trial++) {
        String key = "if-none-match/" + trial;
        winners.add(
            race.run(
                writer -> {
                  try {
                    s3.putObject(
                        r -> r.bucket(bucket).key(key).ifNoneMatch("*"),
                        RequestBody.fromString("writer-" + writer));
                    return true;
                  } catch (S3Exception e) {
                    return false;
                  }
                }));
      }
    }
    assertThat(winners).hasSize(TRIALS).containsOnly(1);
  }

  @Test
  void s3IfMatch_putsAndDeletesWithTheSameETag_exactlyOneWinsEachTrial(LocalStack stack)
      throws Exception {
    var s3 = stack.s3();
    List<Integer> winners = new ArrayList<>();
    try (Race race = new Race(WRITERS, Executors.newFixedThreadPool(WRITERS))) {
      for (int trial = 0; trial < TRIALS; trial++) {
        String key = "put-or-delete/" + trial;
        String eTag =
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("start")).eTag();
        winners.add(
            race.run(
                writer -> {
                  try {
                    if (writer % 2 == 0) {
                      s3.deleteObject(r -> r.bucket(bucket).key(key).ifMatch(eTag));
                    } else {
                      s3.putObject(
                          r -> r.bucket(bucket).key(key).ifMatch(eTag),
                          RequestBody.fromString("writer-" + writer));
                    }
                    return true;
                  } catch (S3Exception e) {
                    return false;
                  }
                }));
      }
    }
    assertThat(winners).hasSize(TRIALS).containsOnly(1);
  }

  private static Map<String, AttributeValue> item(String id, int version, String by) {
    return Map.of(
        "id", AttributeValue.fromS(id),
        "wr_version", AttributeValue.fromN(Integer.toString(version)),
        "by", AttributeValue.fromS(by));
  }
}
