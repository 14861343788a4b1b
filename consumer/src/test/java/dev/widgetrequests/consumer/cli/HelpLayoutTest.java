package dev.widgetrequests.consumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HelpLayoutTest {

  @Test
  void aLongExampleCommand_breaksAtSpaces_withAShellContinuation() {
    List<String> lines =
        HelpLayout.wrap(
            "  widgets consumer --storage-strategy dynamodb --request-destination widgets"
                + " --queue-url http://127.0.0.1:9324/000000000000/widget-requests"
                + " --exit-when-idle 5",
            80);

    assertThat(lines)
        .containsExactly(
            "  widgets consumer --storage-strategy dynamodb --request-destination widgets \\",
            "      --queue-url http://127.0.0.1:9324/000000000000/widget-requests \\",
            "      --exit-when-idle 5");
  }

  @Test
  void prose_breaksAtSpacesOnly_andKeepsAUrlWhole() {
    List<String> lines =
        HelpLayout.wrap(
            "A live dashboard (queue depth, dead letters and their reasons, applied / rejected per"
                + " second) is served at http://127.0.0.1:HTTP_PORT/.",
            80);

    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(String.join("\n", lines)).contains("http://127.0.0.1:HTTP_PORT/.");
  }

  @Test
  void alignedColumns_keepTheirSpaces() {
    assertThat(HelpLayout.wrap("  test      Runs every test.", 80))
        .containsExactly("  test      Runs every test.");
  }

  @Test
  void aWordLongerThanTheLine_staysWhole() {
    String url = "https://sqs.us-east-1.amazonaws.com/123456789012/" + "q".repeat(60);

    assertThat(HelpLayout.wrap("see " + url, 40)).containsExactly("see", url);
  }
}
