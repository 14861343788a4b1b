package dev.widgetrequests.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Makes S3Proxy's conditional writes atomic, as S3's are, and refuses user metadata over S3's 2 KB
 * as S3 does (see {@link UserMetadata}). S3Proxy checks {@code If-Match} on an in-memory store by
 * reading the object's metadata and then writing: two writers holding the same ETag can both pass
 * the check and both succeed. This store writes each key under a lock and checks the condition
 * again under it:
 *
 * <ul>
 *   <li>PUT: the request carries {@code If-Match} / {@code If-None-Match}; they are checked against
 *       the object as it is while the lock is held.
 *   <li>DELETE with {@code If-Match}: S3Proxy checks the metadata it read and then deletes without
 *       the condition, on the same thread. The ETag read is remembered for that thread (each
 *       request starts afresh, see {@link #forgetRead()}), and the delete goes ahead only while the
 *       object still has that ETag.
 * </ul>
 *
 * A failed check under the lock answers 412 PreconditionFailed, or 404 NoSuchKey when {@code
 * If-Match} names an object that no longer exists, as S3 does.
 */
final class AtomicConditionalBlobStore extends ForwardingBlobStore {
  /** What the current request read last: bucket, key and ETag (null: not there). */
  private record Read(String bucket, String key, String eTag) {}

  private static final ThreadLocal<Read> LAST_READ = new ThreadLocal<>();

  private final KeyLocks locks = new KeyLocks();

  AtomicConditionalBlobStore(BlobStore delegate) {
    super(delegate);
  }

  /** Called when a request starts: what an earlier request read on this thread does not count. */
  static void forgetRead() {
    LAST_READ.remove();
  }

  @Override
  public HeadObjectResponse blobMetadataIfPresent(HeadObjectRequest request) {
    HeadObjectResponse metadata = super.blobMetadataIfPresent(request);
    LAST_READ.set(
        new Read(request.bucket(), request.key(), metadata == null ? null : metadata.eTag()));
    return metadata;
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
    ReentrantLock lock = locks.lock(request.bucket(), request.key());
    try {
      try {
        UserMetadata.check(request.metadata());
        checkPut(request);
      } catch (S3Exception e) {
        drain(content);
        throw e;
      }
      return super.putBlob(request, content);
    } finally {
      lock.unlock();
    }
  }

  private void checkPut(PutObjectRequest request) {
    if (request.ifMatch() == null && request.ifNoneMatch() == null) {
      return;
    }
    String current = currentETag(request.bucket(), request.key());
    checkIfMatch(request.ifMatch(), current);
    if (request.ifNoneMatch() != null
        && current != null
        && ("*".equals(request.ifNoneMatch()) || sameETag(request.ifNoneMatch(), current))) {
      throw new S3ProxyException(S3ErrorCode.PRECONDITION_FAILED);
    }
  }

  /**
   * Reads the body of a rejected request to its end: with it unread, Jetty closes the connection,
   * and the client's next call on that connection fails.
   */
  private static void drain(InputStream content) {
    try {
      content.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The client went away: nothing left to keep alive.
    }
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    UserMetadata.check(request.metadata()); // empty unless the copy replaces the metadata
    ReentrantLock lock = locks.lock(request.destinationBucket(), request.destinationKey());
    try {
      return super.copyBlob(request);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
    UserMetadata.check(request.metadata());
    return super.initiateMultipartUpload(request);
  }

  @Override
  public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
    Read read = LAST_READ.get();
    LAST_READ.remove();
    ReentrantLock lock = locks.lock(request.bucket(), request.key());
    try {
      if (request.ifMatch() != null) {
        checkIfMatch(request.ifMatch(), currentETag(request.bucket(), request.key()));
      } else if (read != null
          && read.bucket().equals(request.bucket())
          && read.key().equals(request.key())) {
        // S3Proxy checked If-Match against what it read: it must still hold, and a missing
        // object matches nothing (S3 answers 404 then; S3Proxy would delete nothing with 204).
        checkIfMatch(
            read.eTag() == null ? "*" : read.eTag(),
            read.eTag() == null ? null : currentETag(request.bucket(), request.key()));
      }
      return super.removeBlob(request);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void removeBlob(String bucket, String key) {
    LAST_READ.remove(); // S3Proxy deletes this way only when the request has no condition
    removeBlob(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
  }

  @Override
  public DeleteObjectResponse removeBlob(String bucket, String key, String versionId) {
    LAST_READ.remove(); // as above: the way of a delete without a condition
    return removeBlob(
        DeleteObjectRequest.builder().bucket(bucket).key(key).versionId(versionId).build());
  }

  private String currentETag(String bucket, String key) {
    HeadObjectResponse metadata =
        super.blobMetadataIfPresent(HeadObjectRequest.builder().bucket(bucket).key(key).build());
    return metadata == null ? null : metadata.eTag();
  }

  private static void checkIfMatch(String ifMatch, String current) {
    if (ifMatch == null) {
      return;
    }
    if (current == null) {
      throw new S3ProxyException(S3ErrorCode.NO_SUCH_KEY);
    }
    if (!"*".equals(ifMatch) && !sameETag(ifMatch, current)) {
      throw new S3ProxyException(S3ErrorCode.PRECONDITION_FAILED);
    }
  }

  private static boolean sameETag(String a, String b) {
    return unquoted(a).equals(unquoted(b));
  }

  private static String unquoted(String eTag) {
    String trimmed = eTag.trim();
    return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
        ? trimmed.substring(1, trimmed.length() - 1)
        : trimmed;
  }
}
