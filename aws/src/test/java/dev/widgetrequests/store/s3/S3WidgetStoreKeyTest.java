package dev.widgetrequests.store.s3;

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
  void metadataValue_tooLong_isShortenedOnACodePointBoundary() {
    String emoji = "🙂".repeat(MetadataValue.MAX_CHARACTERS + 10);

    assertThat(MetadataValue.of("x".repeat(1000))).hasSize(MetadataValue.MAX_CHARACTERS);
    assertThat(MetadataValue.of(emoji))
        .isEqualTo(encodedWord("🙂".repeat(MetadataValue.MAX_CHARACTERS)));
  }

  private static String encodedWord(String value) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }
}
