package dev.widgetrequests.aws.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class S3WidgetStoreKeyTest {

  @Test
  void keyFor_lowerCasesOwnerAndReplacesSpacesWithDashes() {
    assertThat(S3WidgetStore.keyFor("widgets/", "Mary Matthews", "8123f304-f23f"))
        .isEqualTo("widgets/mary-matthews/8123f304-f23f");
  }

  @Test
  void keyFor_keepsEverySpaceAndTheGivenPrefix() {
    assertThat(S3WidgetStore.keyFor("", "Mary Ann  Lee", "w1")).isEqualTo("mary-ann--lee/w1");
    assertThat(S3WidgetStore.keyFor("shop/w/", "SUE", "w1")).isEqualTo("shop/w/sue/w1");
  }

  @Test
  void metadataTimestamp_isIsoUtcWithMilliseconds() {
    assertThat(MetadataValue.timestamp(Instant.parse("2021-02-02T22:52:48Z")))
        .isEqualTo("2021-02-02T22:52:48.000Z");
    assertThat(MetadataValue.timestamp(Instant.parse("2021-02-02T22:52:48.338123Z")))
        .isEqualTo("2021-02-02T22:52:48.338Z");
  }

  @Test
  void metadataValue_printableAscii_isKeptAsIs() {
    assertThat(MetadataValue.of("e80fab52-71a5 ~!")).isEqualTo("e80fab52-71a5 ~!");
  }

  @Test
  void metadataValue_nonAsciiOrControl_isAnEncodedWord() {
    assertThat(MetadataValue.of("größe")).isEqualTo(encodedWord("größe"));
    assertThat(MetadataValue.of("a\nb")).isEqualTo(encodedWord("a\nb"));
  }

  @Test
  void metadataValue_longAscii_keepsItsStartAndEndsInMarkerAndHash() {
    String value = MetadataValue.of("x".repeat(1000));

    assertThat(value).hasSize(MetadataValue.MAX_BYTES).startsWith("x".repeat(200));
    assertThat(value).matches("x+~#[0-9a-f]{16}");
  }

  @Test
  void metadataValue_asciiUpToTheBound_isKeptWhole() {
    String value = "y".repeat(MetadataValue.MAX_BYTES);

    assertThat(MetadataValue.of(value)).isEqualTo(value);
  }

  @Test
  void metadataValue_longFourByteText_isBoundedInBytesOnACodePointBoundary() {
    String emoji = "\uD83D\uDE42".repeat(150);

    String value = MetadataValue.of(emoji);

    assertThat(value.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(MetadataValue.MAX_BYTES);
    String decoded = decodedWord(value);
    assertThat(decoded).matches("(\uD83D\uDE42)+~#[0-9a-f]{16}");
  }

  @Test
  void metadataValue_longValuesSharingTheirStart_stayApart() {
    String start = "\u00e9".repeat(300);

    assertThat(MetadataValue.of(start + "a")).isNotEqualTo(MetadataValue.of(start + "b"));
  }

  private static String decodedWord(String word) {
    assertThat(word).startsWith("=?UTF-8?B?").endsWith("?=");
    return new String(
        Base64.getDecoder().decode(word.substring(10, word.length() - 2)), StandardCharsets.UTF_8);
  }

  private static String encodedWord(String value) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }
}
