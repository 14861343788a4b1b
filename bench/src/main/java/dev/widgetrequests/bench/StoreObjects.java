package dev.widgetrequests.bench;

import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The calls the project's S3 store makes for a run of requests, by request id: each request applied
 * in production order to an {@link S3WidgetStore} over an in-memory bucket, before anything is
 * timed. The raw ceiling sends them, so the server stores the same state and widget objects as for
 * the consumer (state, widget object, the check of the state's ETag), without any parsing, folding
 * or building in the timed loops.
 *
 * <p>The state's write is sent without its {@code If-Match} / {@code If-None-Match}: the ceiling's
 * loops write out of order, and S3 has no condition on an ETag that holds in any order.
 */
final class StoreObjects {
  private StoreObjects() {}

  /** One call of the store, to send again. */
  sealed interface Call {
    /** Sends it to {@code s3}, into {@code bucket} (the calls were made to another name). */
    void send(S3Client s3, String bucket);
  }

  /** A write of a state or widget object, with its body, metadata and {@code Content-MD5}. */
  record Put(PutObjectRequest request, byte[] body) implements Call {
    @Override
    public void send(S3Client s3, String bucket) {
      s3.putObject(request.toBuilder().bucket(bucket).build(), RequestBody.fromBytes(body));
    }
  }

  /** A widget object removed: deleted, or moved to another owner's key. */
  record Delete(DeleteObjectRequest request) implements Call {
    @Override
    public void send(S3Client s3, String bucket) {
      s3.deleteObject(request.toBuilder().bucket(bucket).build());
    }
  }

  /** The look at the state object's ETag after the widget objects were written. */
  record Head(HeadObjectRequest request) implements Call {
    @Override
    public void send(S3Client s3, String bucket) {
      s3.headObject(request.toBuilder().bucket(bucket).build());
    }
  }

  /**
   * A request sent twice keeps the calls of its first time. Reads are left out, as the store makes
   * them only when its cache misses.
   */
  static Map<String, List<Call>> of(List<OutgoingRequest> requests) {
    Clock clock = Clock.systemUTC();
    InMemoryBucket memory = new InMemoryBucket();
    S3WidgetStore store = new S3WidgetStore(memory, InMemoryBucket.NAME, clock);
    Map<String, List<Call>> calls = new HashMap<>();
    StoreWrites.inProductionOrder(
        requests,
        store,
        clock,
        () -> memory.calls = new ArrayList<>(),
        requestId -> {
          if (!memory.calls.isEmpty()) {
            calls.putIfAbsent(requestId, List.copyOf(memory.calls)); // sent again: its first
          }
        });
    return calls;
  }

  /**
   * Keeps the latest object per key with a counter for its ETag, checks no condition (requests come
   * one by one, in order) and records every call but reads.
   */
  private static final class InMemoryBucket implements S3Client {
    static final String NAME = "store-objects";

    private record Stored(byte[] body, String eTag) {}

    private final Map<String, Stored> objects = new HashMap<>();
    private List<Call> calls = new ArrayList<>();
    private long writes;

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
      byte[] bytes = bytesOf(body);
      String eTag = "\"" + ++writes + "\"";
      objects.put(request.key(), new Stored(bytes, eTag));
      calls.add(new Put(request.toBuilder().ifMatch(null).ifNoneMatch(null).build(), bytes));
      return PutObjectResponse.builder().eTag(eTag).build();
    }

    @Override
    public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
      objects.remove(request.key());
      calls.add(new Delete(request));
      return DeleteObjectResponse.builder().build();
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
      calls.add(new Head(request));
      Stored stored = objects.get(request.key());
      if (stored == null) {
        throw S3Exception.builder().statusCode(404).message("no " + request.key()).build();
      }
      return HeadObjectResponse.builder().eTag(stored.eTag()).build();
    }

    @Override
    public <T> T getObject(
        GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
      Stored stored = objects.get(request.key());
      if (stored == null) {
        throw NoSuchKeyException.builder().statusCode(404).message("no " + request.key()).build();
      }
      GetObjectResponse response =
          GetObjectResponse.builder()
              .eTag(stored.eTag())
              .contentLength((long) stored.body().length)
              .build();
      try {
        return transformer.transform(
            response, AbortableInputStream.create(new ByteArrayInputStream(stored.body())));
      } catch (Exception e) {
        throw new IllegalStateException("reading " + request.key() + " from memory", e);
      }
    }

    private static byte[] bytesOf(RequestBody body) {
      try (InputStream in = body.contentStreamProvider().newStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {}
  }
}
