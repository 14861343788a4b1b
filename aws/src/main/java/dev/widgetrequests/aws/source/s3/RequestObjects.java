package dev.widgetrequests.aws.source.s3;

import dev.widgetrequests.model.config.MessageSize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads a request object as text, never more than the largest request ({@link MessageSize}) + 1
 * bytes of it (a ranged GET, and a bounded read in case a server ignores the range), decoded as
 * strict UTF-8. Every outcome is a value; only a bug throws.
 */
public final class RequestObjects {
  /**
   * The default largest request body (256 KiB); one byte more tells that an object is too large.
   */
  public static final int MAX_BYTES = MessageSize.DEFAULT_BYTES;

  /** What reading one object gave. */
  public sealed interface Read {}

  /**
   * The object's whole content, as text.
   *
   * @param eTag the ETag of the version read, so that a delete removes only that version (If-Match)
   */
  public record Text(String body, String eTag) implements Read {}

  /** The object (or its bucket) does not exist. */
  public record Gone() implements Read {}

  /**
   * The object cannot be a request, whatever we try: too large, not UTF-8, access denied.
   *
   * @param eTag the ETag of the version seen, or {@code null} when none was
   */
  public record Unusable(String reason, String eTag) implements Read {
    public Unusable(String reason) {
      this(reason, null);
    }
  }

  /** Reading failed in a way that trying again may fix (throttling, 5xx, connection trouble). */
  public record Failed(String reason) implements Read {}

  private final S3Client s3;
  private final MessageSize size;
  private final String firstBytes;

  public RequestObjects(S3Client s3) {
    this(s3, MessageSize.DEFAULT);
  }

  /** Reads objects of up to {@code size}; a larger one is {@link Unusable}. */
  public RequestObjects(S3Client s3, MessageSize size) {
    this.s3 = s3;
    this.size = size;
    this.firstBytes = "bytes=0-" + size.bytes();
  }

  public Read read(String bucket, String key) {
    return read(bucket, key, firstBytes);
  }

  private Read read(String bucket, String key, String range) {
    String where = "s3://" + bucket + "/" + key;
    try (ResponseInputStream<GetObjectResponse> object =
        s3.getObject(r -> r.bucket(bucket).key(key).range(range))) {
      String eTag = object.response().eTag();
      byte[] bytes = object.readNBytes(size.bytes() + 1);
      if (bytes.length > size.bytes()) {
        object.abort(); // do not drain the rest of a huge object the server sent anyway
        return new Unusable("object over " + size + ": " + where, eTag);
      }
      return decode(bytes, eTag, where);
    } catch (NoSuchKeyException | NoSuchBucketException gone) {
      return new Gone();
    } catch (AwsServiceException e) {
      if (e.statusCode() == 416 && range != null) {
        // No range of an empty object exists; read it whole (still bounded) for its ETag.
        return read(bucket, key, null);
      }
      return retryable(e)
          ? new Failed("reading " + where + " failed: " + oneLine(e))
          : new Unusable("cannot read " + where + ": " + oneLine(e));
    } catch (SdkException e) {
      return new Failed("reading " + where + " failed: " + oneLine(e));
    } catch (IOException e) {
      return new Failed("reading " + where + " failed: " + e);
    }
  }

  private static Read decode(byte[] bytes, String eTag, String where) {
    try {
      return new Text(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString(),
          eTag);
    } catch (CharacterCodingException notUtf8) {
      return new Unusable("object is not UTF-8 text: " + where, eTag);
    }
  }

  private static boolean retryable(AwsServiceException e) {
    return e.isThrottlingException() || e.statusCode() >= 500 || e.statusCode() == 429;
  }

  private static String oneLine(SdkException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
