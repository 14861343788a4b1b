package dev.widgetrequests.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The body of a small JSON object written to S3, with its {@code Content-MD5} so S3 refuses a body
 * that changed on the way ({@code BadDigest}). The clients of {@link AwsClients} compute the SDK's
 * own checksums only where an operation requires one: for bodies of a few hundred bytes, its
 * default (a CRC32 sent as the trailer of an {@code aws-chunked} body) cost the consumer about a
 * sixth of its CPU on the S3 path, and the MD5 keeps the check.
 *
 * @param contentMd5 the base64 MD5 of the bytes, for {@code PutObjectRequest.contentMD5}
 */
public record JsonBody(RequestBody body, String contentMd5) {
  public static final String CONTENT_TYPE = "application/json";

  public static JsonBody of(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return new JsonBody(RequestBody.fromBytes(bytes), contentMd5(bytes));
  }

  /** Sets the request's content type and {@code Content-MD5} for this body; returns it. */
  public PutObjectRequest.Builder onto(PutObjectRequest.Builder request) {
    return request.contentType(CONTENT_TYPE).contentMD5(contentMd5);
  }

  /** The base64 MD5 digest of {@code bytes}, as S3's {@code Content-MD5} header wants it. */
  public static String contentMd5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5", e);
    }
  }
}
