package dev.widgetrequests.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;

class EcmaEndAnchorRegexFactoryTest {

  private final EcmaEndAnchorRegexFactory factory = new EcmaEndAnchorRegexFactory();

  @Test
  void endAnchor_doesNotMatchBeforeAFinalLineBreak() {
    RegularExpression owner = factory.getRegularExpression("^[A-Za-z ]+$");
    assertThat(owner.matches("Mary")).isTrue();
    assertThat(owner.matches("Mary\n")).isFalse();
    assertThat(owner.matches("Mary\r\n")).isFalse();
  }

  @Test
  void toJdk_replacesOnlyAnUnescapedFinalDollar() {
    assertThat(EcmaEndAnchorRegexFactory.toJdk("^a$")).isEqualTo("^a\\z");
    assertThat(EcmaEndAnchorRegexFactory.toJdk("^a\\$")).isEqualTo("^a\\$");
    assertThat(EcmaEndAnchorRegexFactory.toJdk("^a\\\\$")).isEqualTo("^a\\\\\\z");
    assertThat(EcmaEndAnchorRegexFactory.toJdk("^a")).isEqualTo("^a");
  }

  @Test
  void unanchoredPattern_stillSearchesLikeEcmaScript() {
    assertThat(factory.getRegularExpression("b").matches("abc")).isTrue();
  }
}
