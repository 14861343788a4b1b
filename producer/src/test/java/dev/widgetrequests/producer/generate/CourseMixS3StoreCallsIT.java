package dev.widgetrequests.producer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.local.CallCounts;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.store.Provenance;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the S3 store costs per request on the course mix: the bench's 2,000 generated requests (seed
 * 5250), applied in key order by one store, every S3 call counted by the SDK per operation and by
 * the local stack's S3 front in all (the two must agree), priced at S3's list prices.
 * docs/decisions/s3-store-writes.md records the figures and what they decided.
 */
@ExtendWith(LocalStackExtension.class)
class CourseMixS3StoreCallsIT {
  private static final int REQUESTS = 2_000;
  private static final long SEED = 5250;

  /** S3 list prices (us-east-1, 2026): PUT, COPY, POST, LIST per 1,000; GET, HEAD per 1,000. */
  private static final double WRITE_CLASS_DOLLARS_PER_THOUSAND = 0.005;

  private static final double READ_CLASS_DOLLARS_PER_THOUSAND = 0.0004;

  /** S3 request price classes; DELETE is free. */
  enum PriceClass {
    WRITE,
    READ,
    FREE;

    static PriceClass of(String operation) {
      return switch (operation) {
        case "PutObject", "CopyObject", "ListObjectsV2", "ListObjects", "CreateMultipartUpload" ->
            WRITE;
        case "GetObject", "HeadObject", "HeadBucket" -> READ;
        case "DeleteObject", "DeleteObjects" -> FREE;
        default -> throw new IllegalArgumentException("unpriced S3 operation " + operation);
      };
    }
  }

  /** Counts each S3 call the client sends (every attempt), by operation name. */
  static final class OperationCounts implements ExecutionInterceptor {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      counts
          .computeIfAbsent(
              attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder())
          .increment();
    }

    Map<String, Long> snapshot() {
      Map<String, Long> snapshot = new TreeMap<>();
      counts.forEach((operation, count) -> snapshot.put(operation, count.sum()));
      return snapshot;
    }
  }

  /** Calls by price class over some requests. */
  static final class Tally {
    final EnumMap<PriceClass, Long> calls = new EnumMap<>(PriceClass.class);
    final Map<String, Long> operations = new TreeMap<>();
    long requests;

    void add(Map<String, Long> before, Map<String, Long> after) {
      requests++;
      after.forEach(
          (operation, count) -> {
            long delta = count - before.getOrDefault(operation, 0L);
            if (delta > 0) {
              operations.merge(operation, delta, Long::sum);
              calls.merge(PriceClass.of(operation), delta, Long::sum);
            }
          });
    }

    double perRequest(PriceClass priceClass) {
      return calls.getOrDefault(priceClass, 0L) / (double) requests;
    }

    double dollarsPerMillion() {
      return perRequest(PriceClass.WRITE) * WRITE_CLASS_DOLLARS_PER_THOUSAND * 1000
          + perRequest(PriceClass.READ) * READ_CLASS_DOLLARS_PER_THOUSAND * 1000;
    }

    String line(String name) {
      return "%-18s %5d requests  write %.3f  read %.3f  free %.3f  S3 $%.2f/M  %s"
          .formatted(
              name,
              requests,
              perRequest(PriceClass.WRITE),
              perRequest(PriceClass.READ),
              perRequest(PriceClass.FREE),
              dollarsPerMillion(),
              operations);
    }
  }

  @Test
  void courseMix_s3CallsPerRequest_areCountedAlikeByTheSdkAndTheStack(LocalStack stack) {
    OperationCounts counts = new OperationCounts();
    try (S3Client s3 = countedClient(stack, counts)) {
      String bucket = stack.createBucket(stack.uniqueName("course-mix"));
      S3WidgetStore store = new S3WidgetStore(s3, bucket, Clock.systemUTC());
      RequestGenerator generator = RequestGenerator.seeded(SEED);
      Tally all = new Tally();
      Tally oneAtATime = new Tally();
      Map<String, Tally> byKind = new TreeMap<>();
      CallCounts stackBefore = stack.callCounts();
      Map<String, Long> sdkBefore = counts.snapshot();

      for (int i = 0; i < REQUESTS; i++) {
        WidgetRequest request = generator.next();
        String key = "%013d".formatted(1_700_000_000_000L + i);
        Map<String, Long> before = counts.snapshot();
        StoreOutcome outcome =
            store.apply(
                new KeyedRequest(key, request), new Provenance(request.requestId(), null, key));
        Map<String, Long> after = counts.snapshot();
        all.add(before, after);
        byKind.computeIfAbsent(kind(request, outcome), k -> new Tally()).add(before, after);
        oneAtATime.add(Map.of(), oneAtATimeCalls(request));
      }

      long stackCalls = stack.callCounts().minus(stackBefore).s3();
      long sdkCalls =
          counts.snapshot().entrySet().stream()
              .mapToLong(e -> e.getValue() - sdkBefore.getOrDefault(e.getKey(), 0L))
              .sum();
      System.out.println("S3 calls per request, course mix, " + REQUESTS + " requests:");
      byKind.forEach((kind, tally) -> System.out.println(tally.line(kind)));
      System.out.println(all.line("store, all"));
      System.out.println(oneAtATime.line("one-at-a-time"));

      assertThat(sdkCalls).isEqualTo(stackCalls);
      // The store's figures as docs/decisions/s3-store-writes.md records them.
      assertThat(byKind.get("create/Applied").perRequest(PriceClass.WRITE)).isEqualTo(2.0);
      assertThat(byKind.get("update/Applied").perRequest(PriceClass.WRITE)).isEqualTo(2.0);
      assertThat(byKind.get("delete/Applied").perRequest(PriceClass.WRITE)).isEqualTo(1.0);
      assertThat(all.perRequest(PriceClass.WRITE)).isBetween(1.80, 1.90);
      assertThat(all.perRequest(PriceClass.READ)).isBetween(1.0, 1.1);
    }
  }

  private static String kind(WidgetRequest request, StoreOutcome outcome) {
    String type =
        switch (request) {
          case dev.widgetrequests.model.CreateWidget c -> "create";
          case dev.widgetrequests.model.UpdateWidget u -> "update";
          case dev.widgetrequests.model.DeleteWidget d -> "delete";
        };
    return type + "/" + outcome.getClass().getSimpleName();
  }

  /** The one-at-a-time consumer's S3 calls for a request: read the widget, then put or delete. */
  private static Map<String, Long> oneAtATimeCalls(WidgetRequest request) {
    String write =
        request instanceof dev.widgetrequests.model.DeleteWidget ? "DeleteObject" : "PutObject";
    return Map.of("GetObject", 1L, write, 1L);
  }

  private static S3Client countedClient(LocalStack stack, OperationCounts counts) {
    return S3Client.builder()
        .region(Region.of(LocalStack.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY)))
        .httpClientBuilder(ApacheHttpClient.builder())
        .endpointOverride(stack.s3Endpoint())
        .forcePathStyle(true)
        .overrideConfiguration(c -> c.addExecutionInterceptor(counts))
        .build();
  }
}
