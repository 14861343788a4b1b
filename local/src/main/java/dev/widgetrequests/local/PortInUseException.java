package dev.widgetrequests.local;

/** A server of the local stack could not listen on the port it was given. */
public final class PortInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final LocalService service;
  private final int port;

  public PortInUseException(LocalService service, int port, Throwable cause) {
    super(service + " cannot listen on 127.0.0.1:" + port + ": the port is in use", cause);
    this.service = service;
    this.port = port;
  }

  /** The service that could not start. */
  public LocalService service() {
    return service;
  }

  public int port() {
    return port;
  }
}
