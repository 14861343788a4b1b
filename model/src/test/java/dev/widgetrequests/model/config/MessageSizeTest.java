package dev.widgetrequests.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageSizeTest {

  @Test
  void parse_takesBytesKiBAndMiB_inAnyCase() {
    assertThat(MessageSize.parse("262144", "x").bytes()).isEqualTo(262_144);
    assertThat(MessageSize.parse("512 KiB", "x").bytes()).isEqualTo(524_288);
    assertThat(MessageSize.parse("1mib", "x").bytes()).isEqualTo(1_048_576);
    assertThat(MessageSize.parse(" 1024b ", "x").bytes()).isEqualTo(1024);
  }

  @Test
  void parse_refusesWhatSqsCannotTake_namingWhereItCameFrom() {
    for (String text :
        new String[] {"1048577", "2MiB", "1023", "0", "1.5MiB", "1MB", "", "9999999999"}) {
      assertThatThrownBy(() -> MessageSize.parse(text, "--max-message-bytes"))
          .as(text)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("--max-message-bytes '" + text + "'");
    }
  }

  @Test
  void fromEnvironment_defaultsTo256KiB() {
    assertThat(MessageSize.fromEnvironment(Map.of())).isEqualTo(MessageSize.DEFAULT);
    assertThat(MessageSize.fromEnvironment(Map.of(MessageSize.VARIABLE, " ")).bytes())
        .isEqualTo(256 * 1024);
    assertThat(MessageSize.fromEnvironment(Map.of(MessageSize.VARIABLE, "1MiB")).toString())
        .isEqualTo("1 MiB");
  }
}
