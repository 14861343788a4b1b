package dev.widgetrequests.store.s3;

import dev.widgetrequests.config.ConfigurationException;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.WidgetStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Widgets in an S3 bucket: one object per widget at {@link #keyFor}, the body is the widget's JSON
 * ({@code application/json}), and the bookkeeping goes in user metadata ({@value #REQUEST_ID},
 * {@value #APPLIED_AT}, {@value #POSITION}) so the body stays exactly the widget. Objects are keyed
 * by owner, so {@link #find} finds nothing for another owner.
 */
public final class S3WidgetStore implements WidgetStore {
  public static final String DEFAULT_KEY_PREFIX = "widgets/";
  public static final String CONTENT_TYPE = "application/json";
  public static final String REQUEST_ID = "request-id";
  public static final String APPLIED_AT = "applied-at";
  public static final String POSITION = "position";

  private final S3Client s3;
  private final String bucket;
  private final String keyPrefix;
  private final Clock clock;

  /**
   * @param keyPrefix put before every key, e.g. {@value #DEFAULT_KEY_PREFIX}; may be empty
   * @param clock gives {@value #APPLIED_AT} when the provenance carries no time
   */
  public S3WidgetStore(S3Client s3, String bucket, String keyPrefix, Clock clock) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
    this.clock = Objects.requireNonNull(clock, "clock");
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

  @Override
  public Optional<Widget> find(String widgetId, String owner) {
    String key = keyFor(keyPrefix, owner, widgetId);
    try {
      byte[] body = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
      return Optional.of(WidgetJson.widgetFromJson(new String(body, StandardCharsets.UTF_8)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public void put(Widget widget, Provenance provenance) {
    s3.putObject(
        b ->
            b.bucket(bucket)
                .key(keyFor(keyPrefix, widget.owner(), widget.id()))
                .contentType(CONTENT_TYPE)
                .metadata(metadata(provenance)),
        RequestBody.fromString(WidgetJson.toJson(widget), StandardCharsets.UTF_8));
  }

  /** Every widget under the key prefix: for checks and small buckets, not a hot path. */
  public List<Widget> all() {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(keyPrefix)).contents().stream()
        .map(
            object ->
                WidgetJson.widgetFromJson(
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asUtf8String()))
        .toList();
  }

  @Override
  public void delete(Widget widget) {
    s3.deleteObject(b -> b.bucket(bucket).key(keyFor(keyPrefix, widget.owner(), widget.id())));
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
