package dev.widgetrequests.local;

import java.net.URI;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3: S3Proxy over an in-memory blob store, accepting any credentials, with conditional writes made
 * atomic by {@link AtomicConditionalBlobStore}.
 */
final class S3ProxyServer implements EmbeddedServer {
  private static final long STOP_TIMEOUT_MILLIS = 2_000;

  private final S3Proxy proxy;

  private S3ProxyServer(S3Proxy proxy) {
    this.proxy = proxy;
  }

  static S3ProxyServer start(int port) {
    AtomicConditionalBlobStore store = new AtomicConditionalBlobStore(new TransientNio2BlobStore());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://" + Loopback.HOST + ":" + port))
            // No authentication: SDK clients sign with whatever credentials they have.
            .awsAuthentication(AuthenticationType.NONE, null, null)
            .stopTimeout(STOP_TIMEOUT_MILLIS)
            .build();
    // S3Proxy asks the locator for the store at the start of every request: a fresh start for
    // what the store remembers per request.
    AccessGrant grant = AccessGrant.anonymous(store);
    proxy.setBlobStoreLocator(
        (identity, bucket, key) -> {
          AtomicConditionalBlobStore.forgetRead();
          return grant;
        });
    try {
      proxy.start();
    } catch (Exception e) {
      stopQuietly(proxy);
      throw new IllegalStateException("S3Proxy did not start on port " + port, e);
    }
    return new S3ProxyServer(proxy);
  }

  @Override
  public int port() {
    return proxy.getPort();
  }

  @Override
  public void close() {
    stopQuietly(proxy);
  }

  private static void stopQuietly(S3Proxy proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      // Stopping a server that never started, or one already going away: nothing left to do.
    }
  }
}
