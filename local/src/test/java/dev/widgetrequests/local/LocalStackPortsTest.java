package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalStackPortsTest {

  @Test
  void defaults_areTheWellKnownPorts() {
    assertThat(LocalStackPorts.DEFAULTS).isEqualTo(new LocalStackPorts(9000, 9324, 8000));
  }

  @Test
  void portOutOfRange_isRejectedNamingTheService() {
    assertThatThrownBy(() -> new LocalStackPorts(0, 0, 65_536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DynamoDB port must be 0..65535, not 65536");
    assertThatThrownBy(() -> new LocalStackPorts(-1, 0, 0))
        .hasMessage("S3 port must be 0..65535, not -1");
  }
}
