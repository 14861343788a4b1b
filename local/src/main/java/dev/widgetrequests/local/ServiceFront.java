package dev.widgetrequests.local;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The address clients reach a server at: a TCP forwarder on {@code 127.0.0.1} in front of the real
 * server (which listens on a free port of its own). It counts the HTTP calls that pass (by
 * operation, see {@link CallMeter}) and delays each by the stack's latency, so the local stack can
 * be made to answer like a distant cloud. It can also be cut, as a network fault would cut the
 * service off: open connections are reset and new ones refused until it is restored. It reads no
 * HTTP beyond telling where a new call starts (see {@link ForwardedConnection}).
 */
final class ServiceFront implements EmbeddedServer {
  private static final int BACKLOG = 512;

  private final ServerSocket listener;
  private final EmbeddedServer backend;
  private final Duration latency;
  private final CallMeter calls;
  private final Throttling throttling;
  private final Set<ForwardedConnection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private volatile boolean cut;

  private ServiceFront(
      ServerSocket listener,
      EmbeddedServer backend,
      Duration latency,
      CallMeter calls,
      Throttling throttling) {
    this.listener = listener;
    this.backend = backend;
    this.latency = latency;
    this.calls = calls;
    this.throttling = throttling;
  }

  /**
   * Listens on {@code port} (0: any free port), then starts the server behind it with {@code
   * startBackend}, which is given the front's port (the one the server must advertise, as in
   * ElasticMQ's queue URLs) and returns the server it started on a port of its own.
   *
   * @throws PortInUseException when {@code port} is taken
   */
  static ServiceFront start(
      LocalService service,
      int port,
      Duration latency,
      CallMeter calls,
      IntFunction<EmbeddedServer> startBackend) {
    ServerSocket listener = bind(service, port);
    EmbeddedServer backend;
    try {
      backend = startBackend.apply(listener.getLocalPort());
    } catch (RuntimeException e) {
      closeQuietly(listener);
      throw e;
    }
    ServiceFront front =
        new ServiceFront(listener, backend, latency, calls, Throttling.of(service));
    Thread.ofVirtual().name(service + "-front").start(front::accept);
    return front;
  }

  private static ServerSocket bind(LocalService service, int port) {
    try {
      ServerSocket listener = new ServerSocket();
      try {
        listener.bind(new InetSocketAddress(Loopback.ADDRESS, port), BACKLOG);
        return listener;
      } catch (IOException e) {
        listener.close();
        throw e;
      }
    } catch (BindException e) {
      throw new PortInUseException(service, port, e);
    } catch (IOException e) {
      throw new IllegalStateException(service + " cannot listen on port " + port, e);
    }
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        continue; // closed (the loop ends) or a connection that failed before it was accepted
      }
      if (cut) {
        reset(client);
        continue;
      }
      Thread.ofVirtual().start(() -> forward(client));
    }
  }

  private void forward(Socket client) {
    Socket server = new Socket();
    try {
      server.connect(new InetSocketAddress(Loopback.ADDRESS, backend.port()));
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    ForwardedConnection connection =
        new ForwardedConnection(client, server, latency, calls, throttling);
    open.add(connection);
    if (cut) { // cut while this one was connecting
      open.remove(connection);
      connection.close();
      return;
    }
    try {
      connection.run();
    } finally {
      open.remove(connection);
    }
  }

  /** Cuts the service off: resets every open connection and refuses new ones until restored. */
  void cut() {
    cut = true;
    open.forEach(ForwardedConnection::close);
  }

  /** Takes connections again after {@link #cut()}; the server behind kept its data. */
  void restore() {
    cut = false;
  }

  private static void reset(Socket client) {
    try {
      client.setSoLinger(true, 0); // closing now sends RST, as a refused or broken link does
    } catch (IOException e) {
      // Closing it plainly is a fault too.
    }
    closeQuietly(client);
  }

  @Override
  public int port() {
    return listener.getLocalPort();
  }

  /** Stops taking connections, cuts the open ones and stops the server behind. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    open.forEach(ForwardedConnection::close);
    backend.close();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Already closed or broken: nothing left to release.
    }
  }

  /**
   * Answers {@code fraction} of the calls from now on as the service does when it throttles (0 for
   * none), without passing them to the server.
   *
   * @throws IllegalArgumentException when the service has no throttling answer here
   */
  void throttle(double fraction) {
    if (fraction > 0 && !throttling.possible()) {
      throw new IllegalArgumentException("the local stack cannot throttle this service");
    }
    throttling.set(fraction);
  }
}
