package dev.widgetrequests.aws.store.s3;

import dev.widgetrequests.aws.AwsFailures;
import dev.widgetrequests.aws.JsonBody;
import dev.widgetrequests.aws.store.conditional.ConditionalWidgetStore;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.config.ConfigurationException;
import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.WidgetFold;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.store.Provenance;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Widgets in an S3 bucket: one object per widget at {@link #keyFor}, the body is the widget's JSON
 * ({@code application/json}), and the bookkeeping goes in user metadata ({@value #REQUEST_ID},
 * {@value #APPLIED_AT}, {@value #POSITION}) so the body stays exactly the widget. Objects are keyed
 * by owner slug; they exist only for live widgets.
 *
 * <p>The truth is each widget's state object at {@value #STATE_PREFIX}{@code {widgetId}}: its
 * history (so any request folds in at its order key, and the id belongs to one owner) and the
 * widget object keys it may have been projected to. The state object is written conditionally
 * ({@code If-Match} its ETag, {@code If-None-Match: *} when new; a lost race is re-read and folded
 * again, in the loop of {@link ConditionalWidgetStore}), then the widget objects are made to match
 * it ({@link Projection}, the step after each write).
 */
public final class S3WidgetStore extends ConditionalWidgetStore<WidgetState> {
  public static final String DEFAULT_KEY_PREFIX = "widgets/";
  public static final String REQUEST_ID = "request-id";
  public static final String APPLIED_AT = "applied-at";
  public static final String POSITION = "position";
  public static final String ORDER_KEY = "order-key";

  /** Where each widget's state object lives: never under the widget prefix. */
  public static final String STATE_PREFIX = "widget-state/";

  private final S3Client s3;
  private final String bucket;
  private final String keyPrefix;
  private final Clock clock;
  private final Projection projection;

  /**
   * @param keyPrefix put before every key, e.g. {@value #DEFAULT_KEY_PREFIX}; may be empty
   * @param clock gives {@value #APPLIED_AT} when the provenance carries no time
   */
  public S3WidgetStore(S3Client s3, String bucket, String keyPrefix, Clock clock) {
    super(WidgetState.NONE);
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.projection = new Projection(s3, bucket, this.keyPrefix);
  }

  /** A store under the default prefix {@value #DEFAULT_KEY_PREFIX}. */
  public S3WidgetStore(S3Client s3, String bucket, Clock clock) {
    this(s3, bucket, DEFAULT_KEY_PREFIX, clock);
  }

  /**
   * The object key of a widget: {@code {prefix}{owner-slug}/{widgetId}}, where the owner slug is
   * the owner lower-cased with spaces replaced by dashes ({@code Mary Matthews} → {@code
   * widgets/mary-matthews/…}).
   */
  public static String keyFor(String prefix, String owner, String widgetId) {
    return prefix + owner.toLowerCase(Locale.ROOT).replace(' ', '-') + "/" + widgetId;
  }

  /**
   * Checks that the bucket exists and can be reached with these credentials.
   *
   * @throws ConfigurationException naming the bucket and the fix when it is missing or denied
   */
  public void checkAvailable() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      switch (e.statusCode()) {
        case 404 ->
            throw new ConfigurationException(
                "widget bucket \"%s\" does not exist: create it or pass the right name with --widget-bucket"
                    .formatted(bucket),
                e);
        case 301 ->
            throw new ConfigurationException(
                "widget bucket \"%s\" is in another region: pass its region with --region"
                    .formatted(bucket),
                e);
        case 403 ->
            throw new ConfigurationException(
                ("access to widget bucket \"%s\" is denied: check the credentials (--profile)"
                        + " and the bucket policy")
                    .formatted(bucket),
                e);
        default -> throw e;
      }
    }
  }

  /** The live widget with this id, as its state object gives it, whatever its owner. */
  @Override
  public Optional<Widget> find(String widgetId) {
    return WidgetFold.current(read(widgetId).history()).state();
  }

  /** Every widget object under the key prefix: for checks and small buckets, not a hot path. */
  public List<Widget> all() {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(keyPrefix)).contents().stream()
        .map(
            object ->
                WidgetJson.widgetFromJson(
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asUtf8String()))
        .toList();
  }

  /** The state object's key of a widget: {@value #STATE_PREFIX}{@code {widgetId}}. */
  public static String stateKey(String widgetId) {
    return STATE_PREFIX + widgetId;
  }

  @Override
  protected WidgetState read(String widgetId) {
    try {
      ResponseBytes<GetObjectResponse> object =
          s3.getObjectAsBytes(b -> b.bucket(bucket).key(stateKey(widgetId)));
      return WidgetState.fromJson(object.asUtf8String(), object.response().eTag());
    } catch (NoSuchKeyException e) {
      return WidgetState.NONE;
    } catch (SdkException failure) {
      throw AwsFailures.translate(failure); // docs/design/consumer.md, "Failures"
    }
  }

  /**
   * The state object, listing every widget object the state may have been projected to: {@code
   * If-Match} the ETag read, {@code If-None-Match: *} when there was none.
   */
  @Override
  protected Write<WidgetState> write(
      String widgetId, Folded folded, WidgetState known, Provenance provenance) {
    Set<String> objects = new LinkedHashSet<>(known.objects());
    String live = projection.liveKey(folded);
    if (live != null) {
      objects.add(live);
    }
    WidgetState next = new WidgetState(folded.history(), objects, null);
    try {
      String eTag = writeState(widgetId, next, known.eTag());
      return new Write.Written<>(new WidgetState(next.history(), next.objects(), eTag));
    } catch (SdkException failure) {
      if (failure instanceof S3Exception e && (e.statusCode() == 412 || e.statusCode() == 409)) {
        return new Write.LostRace<>();
      }
      throw AwsFailures.translate(failure);
    }
  }

  /** Makes the widget objects match the state just written. */
  @Override
  protected WidgetState afterWrite(String widgetId, WidgetState written, Provenance provenance) {
    return project(widgetId, written, provenance);
  }

  /** A consumer may have stopped between writing the state and its objects: finishes that. */
  @Override
  protected Optional<WidgetState> afterUnchanged(String widgetId, Provenance provenance) {
    return Optional.of(project(widgetId, read(widgetId), provenance));
  }

  private String writeState(String widgetId, WidgetState state, String expectedETag) {
    JsonBody body = JsonBody.of(state.toJson());
    return s3.putObject(
            b -> {
              body.onto(b.bucket(bucket).key(stateKey(widgetId)));
              if (expectedETag == null) {
                b.ifNoneMatch("*");
              } else {
                b.ifMatch(expectedETag);
              }
            },
            body.body())
        .eTag();
  }

  private String eTagNow(String widgetId) {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(stateKey(widgetId))).eTag();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  /** The state the widget objects were last made to match. */
  private WidgetState project(String widgetId, WidgetState state, Provenance provenance) {
    try {
      return projection.project(
          widgetId, state, folded -> metadata(folded, provenance), this::eTagNow, this::read);
    } catch (SdkException failure) {
      throw AwsFailures.translate(failure);
    }
  }

  private Map<String, String> metadata(Folded folded, Provenance provenance) {
    KeyedRequest last = folded.lastChange();
    Provenance shown =
        last == null
            ? provenance
            : new Provenance(
                last.request().requestId(), provenance.appliedAt(), provenance.position());
    Map<String, String> metadata = metadata(shown);
    if (last != null) {
      metadata.put(ORDER_KEY, MetadataValue.of(last.orderKey()));
    }
    return metadata;
  }

  private Map<String, String> metadata(Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    Instant appliedAt = provenance.appliedAt() != null ? provenance.appliedAt() : clock.instant();
    Map<String, String> metadata = new LinkedHashMap<>();
    if (provenance.requestId() != null) {
      metadata.put(REQUEST_ID, MetadataValue.of(provenance.requestId()));
    }
    metadata.put(APPLIED_AT, MetadataValue.timestamp(appliedAt));
    if (provenance.position() != null) {
      metadata.put(POSITION, MetadataValue.of(provenance.position()));
    }
    return metadata;
  }
}
