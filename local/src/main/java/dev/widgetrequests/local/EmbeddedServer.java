package dev.widgetrequests.local;

/** One AWS-compatible server running in this JVM on {@code 127.0.0.1}. */
interface EmbeddedServer extends AutoCloseable {

  /** The port it listens on (never 0). */
  int port();

  /** Stops the server; waits only a few seconds. */
  @Override
  void close();
}
