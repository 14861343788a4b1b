package dev.widgetrequests.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntFunction;

/** Ports on 127.0.0.1: finding a free one and starting a server on it. */
final class Loopback {
  static final String HOST = "127.0.0.1";
  static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

  /** Random ports can be taken by someone else between picking and binding: try again then. */
  private static final int RANDOM_PORT_ATTEMPTS = 3;

  private Loopback() {}

  /**
   * Starts a server on {@code port}, or on a free port when it is 0. The embedded servers want to
   * know their port before they bind (ElasticMQ puts it in queue URLs; S3Proxy reports it only once
   * it runs), so a free port is picked first rather than binding to port 0.
   *
   * @throws PortInUseException when a fixed port is taken
   */
  static <S extends EmbeddedServer> S start(
      LocalService service, int port, IntFunction<S> starter) {
    if (port != 0) {
      requireFree(service, port);
      return startOn(service, port, starter);
    }
    PortInUseException last = null;
    for (int attempt = 0; attempt < RANDOM_PORT_ATTEMPTS; attempt++) {
      try {
        return startOn(service, freePort(), starter);
      } catch (PortInUseException e) {
        last = e;
      }
    }
    throw last;
  }

  private static <S> S startOn(LocalService service, int port, IntFunction<S> starter) {
    try {
      return starter.apply(port);
    } catch (RuntimeException e) {
      if (!isFree(port)) {
        throw new PortInUseException(service, port, e);
      }
      throw e;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, ADDRESS)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  /**
   * @throws PortInUseException unless {@code port} is 0 or free now
   */
  static void requireFree(LocalService service, int port) {
    if (port != 0 && !isFree(port)) {
      throw new PortInUseException(service, port, null);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(ADDRESS, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
