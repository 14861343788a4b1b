package dev.widgetrequests.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

/**
 * One client connection through a {@link ServiceFront}: two pumps, client to server and back, on
 * virtual threads. A call starts when the client sends bytes after the server has answered (or
 * first on the connection): HTTP/1.1 clients send one request at a time on a connection, and the
 * SDKs do not pipeline. The pump counts it and sleeps the latency before passing it on. An interim
 * {@code 100 Continue} is not an answer: the body that follows belongs to the same call. The front
 * answers {@code Expect: 100-continue} itself (see {@link HttpBytes#takeExpectContinue}).
 */
final class ForwardedConnection {
  private static final int BUFFER_BYTES = 16 * 1024;

  /** A request whose body the front reads before passing it on (see upstream) at most this big. */
  private static final int MAX_HELD_BYTES = 1024 * 1024;

  private final Socket client;
  private final Socket server;
  private final Duration latency;
  private final CallMeter calls;
  private final Throttling throttling;

  /** Where the current call's bytes and answer go, when its meter wants them. */
  private volatile CallMeter.Call call;

  /** Whether the server has answered since the client last sent: the next bytes start a call. */
  private volatile boolean answered = true;

  ForwardedConnection(
      Socket client, Socket server, Duration latency, CallMeter calls, Throttling throttling) {
    this.client = client;
    this.server = server;
    this.latency = latency;
    this.calls = calls;
    this.throttling = throttling;
  }

  /**
   * Forwards both ways until the server is done (or the client is gone), then closes both sockets.
   */
  void run() {
    try {
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      Thread upstream = Thread.ofVirtual().start(this::upstream);
      downstream();
      upstream.join();
    } catch (IOException e) {
      // A socket that failed before any byte passed: nothing to forward.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
    }
  }

  private void upstream() {
    byte[] buffer = new byte[BUFFER_BYTES];
    try {
      InputStream in = client.getInputStream();
      OutputStream out = server.getOutputStream();
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        if (answered) {
          answered = false;
          if (latency.isPositive()) {
            Thread.sleep(latency);
          }
          if (throttling.now() && answeredThrottled(in, buffer, n)) {
            call = null; // answered here: no server call to meter
            continue;
          }
          call = calls.started(buffer, n);
          // Before the server sees the request, so this goes out before any answer of its.
          if (HttpBytes.takeExpectContinue(buffer, n)) {
            client.getOutputStream().write(HttpBytes.CONTINUE);
            long whole = HttpBytes.requestLength(buffer, n);
            if (whole > n && whole <= MAX_HELD_BYTES) {
              byte[] request = readUpTo(in, buffer, n, (int) whole);
              tell(request, request.length);
              out.write(request);
              continue;
            }
          }
        }
        tell(buffer, n);
        out.write(buffer, 0, n);
      }
      server.shutdownOutput();
    } catch (IOException e) {
      // The server may have answered and closed before reading all of the request: let that
      // answer reach the client; the downstream pump closes the connection when it is done.
      shutdownOutputQuietly(server);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Answers the call that starts with these {@code n} bytes as throttled, reading the rest of it so
   * the connection can carry the next call; false (the call goes on) when its length is unknown.
   */
  private boolean answeredThrottled(InputStream in, byte[] buffer, int n) throws IOException {
    long whole = HttpBytes.requestLength(buffer, n);
    if (whole < n || whole > MAX_HELD_BYTES || HttpBytes.takeExpectContinue(buffer, n)) {
      return false;
    }
    readUpTo(in, buffer, n, (int) whole);
    answered = true;
    client.getOutputStream().write(throttling.answer());
    return true;
  }

  /** Gives the current call's meter its request bytes, before the server can answer them. */
  private void tell(byte[] bytes, int length) {
    CallMeter.Call current = call;
    if (current != null) {
      current.request(bytes, length);
    }
  }

  /** The {@code n} bytes read so far and then more, up to {@code whole} bytes or the end. */
  private static byte[] readUpTo(InputStream in, byte[] read, int n, int whole) throws IOException {
    byte[] request = Arrays.copyOf(read, whole);
    int held = n;
    while (held < whole) {
      int more = in.read(request, held, whole - held);
      if (more < 0) {
        return Arrays.copyOf(request, held);
      }
      held += more;
    }
    return request;
  }

  private void downstream() {
    byte[] buffer = new byte[BUFFER_BYTES];
    try {
      InputStream in = server.getInputStream();
      OutputStream out = client.getOutputStream();
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        // Set before the bytes go out: the client may send its next call as soon as it has them.
        if (!answered && !HttpBytes.interimOnly(buffer, n)) {
          CallMeter.Call answeredCall = call;
          if (answeredCall != null) {
            answeredCall.answered(buffer, n);
          }
          answered = true;
        }
        out.write(buffer, 0, n);
      }
      client.shutdownOutput();
    } catch (IOException e) {
      close();
    }
  }

  void close() {
    closeQuietly(client);
    closeQuietly(server);
  }

  private static void shutdownOutputQuietly(Socket socket) {
    try {
      socket.shutdownOutput();
    } catch (IOException e) {
      // Already closed: nothing more to tell it.
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed: nothing left to release.
    }
  }
}
