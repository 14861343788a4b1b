package dev.widgetrequests.consumer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.widgetrequests.consumer.metrics.MetricsServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The metrics port is for this host unless the operator opens it (a container does). */
class MetricsBindTest {

  @Test
  void metricsPort_listensOnLoopbackByDefault_andRefusesTheHostsOtherAddresses() throws Exception {
    InetAddress bind = ConsumerOptions.metricsBind(parse("-rq", "http://q", "-dwt", "w"));

    try (MetricsServer server = new MetricsServer(bind, 0, names -> "widgets_up 1\n")) {
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
      Optional<InetAddress> outside = nonLoopbackAddress();
      assumeTrue(outside.isPresent(), "this host has no address but loopback");
      assertThatThrownBy(() -> connect(outside.get(), server.port()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void metricsBind_opensEveryInterface_forAContainer() throws Exception {
    InetAddress bind =
        ConsumerOptions.metricsBind(
            parse("-rq", "http://q", "-dwt", "w", "--metrics-bind", "0.0.0.0"));

    try (MetricsServer server = new MetricsServer(bind, 0, names -> "widgets_up 1\n")) {
      assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
      Optional<InetAddress> outside = nonLoopbackAddress();
      assumeTrue(outside.isPresent(), "this host has no address but loopback");
      connect(outside.get(), server.port());
    }
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(MetricsBindTest::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static ConsumerCommand parse(String... args) {
    ConsumerCommand command = new ConsumerCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
