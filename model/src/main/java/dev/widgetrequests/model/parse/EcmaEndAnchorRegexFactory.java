package dev.widgetrequests.model.parse;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * JDK regular expressions that end like ECMA-262 ones. JSON Schema patterns are ECMA-262, where a
 * final {@code $} means the end of the input; the JDK's {@code $} also matches just before a final
 * line break, which would let {@code "Mary\n"} pass {@code ^[A-Za-z ]+$}. A trailing unescaped
 * {@code $} therefore becomes {@code \z}. (The schema uses {@code $} only at the end.)
 */
final class EcmaEndAnchorRegexFactory implements RegularExpressionFactory {

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(toJdk(regex));
    return value -> pattern.matcher(value).find();
  }

  static String toJdk(String regex) {
    if (!regex.endsWith("$")) {
      return regex;
    }
    int backslashes = 0;
    for (int i = regex.length() - 2; i >= 0 && regex.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    boolean escaped = backslashes % 2 == 1;
    return escaped ? regex : regex.substring(0, regex.length() - 1) + "\\z";
  }
}
