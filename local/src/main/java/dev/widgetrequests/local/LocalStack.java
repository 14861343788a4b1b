package dev.widgetrequests.local;

import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS without an AWS account: S3Proxy (S3) and ElasticMQ (SQS) running in this JVM, dynalite
 * (DynamoDB) as a {@code node} child process, all on {@code 127.0.0.1}, reached through the real
 * AWS SDK. Used by integration tests (see {@link LocalStackExtension}) and by {@code widgets
 * local}. Closing it stops every server.
 */
public final class LocalStack implements AutoCloseable {
  /** The region every client of the stack uses; the servers accept any. */
  public static final String REGION = "us-east-1";

  /** Credentials the stack's clients use; the servers accept any. */
  public static final String ACCESS_KEY_ID = "widgetslocal";

  public static final String SECRET_ACCESS_KEY = "widgetslocal";

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final StackServers servers;
  private final Duration latency;
  private final URI s3Endpoint;
  private final URI sqsEndpoint;
  private final URI dynamoDbEndpoint;
  private final StackClients clients;
  private final Provisioner provisioner;
  private final UniqueNames names = new UniqueNames();

  private LocalStack(StackServers servers, Duration latency) {
    this.servers = servers;
    this.latency = latency;
    this.s3Endpoint = endpoint(servers.s3Port());
    this.sqsEndpoint = endpoint(servers.sqsPort());
    this.dynamoDbEndpoint = endpoint(servers.dynamoDbPort());
    this.clients = new StackClients(s3Endpoint, sqsEndpoint, dynamoDbEndpoint);
    this.provisioner = new Provisioner(clients.s3(), clients.sqs(), clients.dynamoDb());
  }

  /**
   * Starts the three servers, answering at once.
   *
   * @throws PortInUseException when a fixed port is taken (nothing is left running then)
   */
  public static LocalStack start(LocalStackPorts ports) {
    return start(ports, Duration.ZERO);
  }

  /**
   * Starts the three servers; every call to any of them takes {@code latency} longer, as a call to
   * a distant cloud would.
   *
   * @throws PortInUseException when a fixed port is taken (nothing is left running then)
   */
  public static LocalStack start(LocalStackPorts ports, Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    long started = System.nanoTime();
    LocalStack stack = new LocalStack(StackServers.start(ports, latency, REGION), latency);
    log.info(
        "Local stack up in {} ms: S3 {}, SQS {}, DynamoDB {}{}",
        (System.nanoTime() - started) / 1_000_000,
        stack.s3Endpoint,
        stack.sqsEndpoint,
        stack.dynamoDbEndpoint,
        latency.isZero() ? "" : ", " + latency.toMillis() + " ms added to every call");
    return stack;
  }

  /** Starts the servers on free ports, so it can run beside anything else. */
  public static LocalStack startOnRandomPorts() {
    return start(LocalStackPorts.RANDOM);
  }

  /** The time added to every call. */
  public Duration latency() {
    return latency;
  }

  /** The calls each service has answered so far (every call through any client counts). */
  public CallCounts callCounts() {
    return servers.callCounts();
  }

  /**
   * The calls answered so far by service and operation, and the DynamoDB capacity units they would
   * consume on AWS (computed from the item sizes): what the calls would be billed by.
   */
  public Metered metered() {
    return servers.metered();
  }

  /**
   * Cuts {@code service} off as a network fault would, until the returned outage is closed: open
   * connections are reset, new ones refused; the server keeps its data. For fault tests.
   */
  public Outage cut(LocalService service) {
    ServiceFront front = servers.front(service);
    front.cut();
    log.info("{} cut off", service);
    return new Outage(service, front);
  }

  /** Ends a {@link #throttle}: closing it lets every call through again. */
  public interface Throttle extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Answers {@code fraction} (0 to 1) of the calls to {@code service} as throttled until the
   * returned handle is closed: DynamoDB's {@code ProvisionedThroughputExceededException}, S3's
   * {@code 503 SlowDown}; the calls never reach the server. For back-pressure tests.
   */
  public Throttle throttle(LocalService service, double fraction) {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("fraction must be 0 to 1, was " + fraction);
    }
    ServiceFront front = servers.front(service);
    front.throttle(fraction);
    log.info("{} throttling {}% of calls", service, Math.round(fraction * 100));
    return () -> {
      front.throttle(0);
      log.info("{} no longer throttling", service);
    };
  }

  public URI s3Endpoint() {
    return s3Endpoint;
  }

  public URI sqsEndpoint() {
    return sqsEndpoint;
  }

  public URI dynamoDbEndpoint() {
    return dynamoDbEndpoint;
  }

  /** A client for the stack's S3 (region {@value #REGION}, dummy credentials, path-style). */
  public S3Client s3() {
    return clients.s3();
  }

  /** A client for the stack's SQS (region {@value #REGION}, dummy credentials). */
  public SqsClient sqs() {
    return clients.sqs();
  }

  /** A client for the stack's DynamoDB (region {@value #REGION}, dummy credentials). */
  public DynamoDbClient dynamoDb() {
    return clients.dynamoDb();
  }

  /**
   * A name no other call returns, safe for a bucket, a queue (even with a {@code -dlq} suffix) and
   * a table: lower-case letters, digits and dashes, at most 63 characters.
   */
  public String uniqueName(String prefix) {
    return names.next(prefix);
  }

  /** Creates a bucket and returns its name. */
  public String createBucket(String name) {
    return provisioner.createBucket(name);
  }

  /** Creates a queue and returns its URL. */
  public String createQueue(String name) {
    return provisioner.createQueue(name);
  }

  /**
   * Creates {@code name-dlq} and then {@code name} with a redrive policy that moves a message there
   * after {@value Provisioner#MAX_RECEIVE_COUNT} receives.
   */
  public QueuePair createQueueWithDeadLetter(String name) {
    return provisioner.createQueueWithDeadLetter(name);
  }

  /**
   * A FIFO queue {@code NAME.fifo} whose redrive policy (max receive count 5) sends to the FIFO
   * queue {@code NAME-dlq.fifo}.
   */
  public QueuePair createFifoQueueWithDeadLetter(String name) {
    return provisioner.createFifoQueueWithDeadLetter(name);
  }

  /**
   * Creates an on-demand widget table keyed by the string attribute {@code keyAttribute}, with the
   * index {@value LocalResources#WIDGET_TABLE_OWNER_INDEX} on {@code owner} + {@code
   * last_modified_on} (all attributes projected), and returns its name.
   */
  public String createWidgetTable(String name, String keyAttribute) {
    return provisioner.createWidgetTable(name, keyAttribute);
  }

  /**
   * Creates the buckets, queues and table the commands use by default (see {@link LocalResources}).
   */
  public LocalResources createDefaultResources() {
    return new LocalResources(
        createBucket(LocalResources.REQUEST_BUCKET),
        createBucket(LocalResources.WIDGET_BUCKET),
        createBucket(LocalResources.PAYLOAD_BUCKET),
        createQueueWithDeadLetter(LocalResources.REQUEST_QUEUE),
        createWidgetTable(LocalResources.WIDGET_TABLE, LocalResources.WIDGET_TABLE_KEY),
        LocalResources.WIDGET_TABLE_KEY);
  }

  /** Closes the clients and stops every server; data is gone afterwards. */
  @Override
  public void close() {
    long started = System.nanoTime();
    clients.close();
    servers.close();
    log.info("Local stack stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private static URI endpoint(int port) {
    return URI.create("http://" + Loopback.HOST + ":" + port);
  }
}
