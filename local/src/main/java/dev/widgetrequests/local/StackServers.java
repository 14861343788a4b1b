package dev.widgetrequests.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's three servers, each behind its {@link ServiceFront}: S3Proxy and ElasticMQ in this
 * JVM, dynalite as a child process. The fronts listen on the ports asked for; the servers on free
 * ports of their own.
 */
final class StackServers implements AutoCloseable {
  private final List<EmbeddedServer> fronts;
  private final CallMeter s3Calls;
  private final CallMeter sqsCalls;
  private final CallMeter dynamoDbCalls;

  private StackServers(
      List<EmbeddedServer> fronts, CallMeter s3Calls, CallMeter sqsCalls, CallMeter dynamoDbCalls) {
    this.fronts = fronts;
    this.s3Calls = s3Calls;
    this.sqsCalls = sqsCalls;
    this.dynamoDbCalls = dynamoDbCalls;
  }

  /**
   * Starts all three side by side.
   *
   * @throws PortInUseException when a fixed port is taken (nothing is left running then)
   */
  static StackServers start(LocalStackPorts ports, Duration latency, String region) {
    // Fail before starting anything when a fixed port is taken.
    Loopback.requireFree(LocalService.S3, ports.s3());
    Loopback.requireFree(LocalService.SQS, ports.sqs());
    Loopback.requireFree(LocalService.DYNAMODB, ports.dynamoDb());
    CallMeter s3 = new CallMeter(LocalService.S3);
    CallMeter sqs = new CallMeter(LocalService.SQS);
    CallMeter dynamoDb = new CallMeter(LocalService.DYNAMODB);
    List<EmbeddedServer> fronts =
        ParallelStart.startAll(
            List.of(
                () ->
                    ServiceFront.start(
                        LocalService.S3,
                        ports.s3(),
                        latency,
                        s3,
                        front -> Loopback.start(LocalService.S3, 0, S3ProxyServer::start)),
                () ->
                    ServiceFront.start(
                        LocalService.SQS,
                        ports.sqs(),
                        latency,
                        sqs,
                        front ->
                            Loopback.start(
                                LocalService.SQS,
                                0,
                                port -> ElasticMqServer.start(port, front, region))),
                () ->
                    ServiceFront.start(
                        LocalService.DYNAMODB,
                        ports.dynamoDb(),
                        latency,
                        dynamoDb,
                        front -> DynaliteServer.start(0))));
    return new StackServers(fronts, s3, sqs, dynamoDb);
  }

  int s3Port() {
    return fronts.get(0).port();
  }

  int sqsPort() {
    return fronts.get(1).port();
  }

  int dynamoDbPort() {
    return fronts.get(2).port();
  }

  /** The front clients reach {@code service} at. */
  ServiceFront front(LocalService service) {
    return (ServiceFront)
        switch (service) {
          case S3 -> fronts.get(0);
          case SQS -> fronts.get(1);
          case DYNAMODB -> fronts.get(2);
          case HTTP_API -> throw new IllegalArgumentException("the HTTP API has no front here");
        };
  }

  CallCounts callCounts() {
    return new CallCounts(s3Calls.total(), sqsCalls.total(), dynamoDbCalls.total());
  }

  Metered metered() {
    Map<String, Long> calls = new HashMap<>();
    double[] units = new double[3];
    for (CallMeter meter : List.of(s3Calls, sqsCalls, dynamoDbCalls)) {
      meter.addTo(calls, units);
    }
    return new Metered(calls, units[0], units[1], units[2]);
  }

  /** Stops every server; data is gone afterwards. */
  @Override
  public void close() {
    fronts.reversed().forEach(EmbeddedServer::close);
  }
}
