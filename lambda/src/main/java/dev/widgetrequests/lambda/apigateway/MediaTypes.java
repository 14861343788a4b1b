package dev.widgetrequests.lambda.apigateway;

import java.util.Locale;

/** Which {@code Content-Type} values name a JSON body the handler can read. */
public final class MediaTypes {
  private MediaTypes() {}

  /**
   * True for {@code application/json} and {@code application/*+json}, in any case, with no charset
   * or a UTF-8 one: a request is UTF-8 JSON (docs/design/request-format.md), so any other charset
   * is refused rather than misread.
   */
  public static boolean isJson(String contentType) {
    String[] parts = contentType.split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    boolean json =
        type.equals("application/json")
            || (type.startsWith("application/") && type.endsWith("+json"));
    if (!json) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].strip().equalsIgnoreCase("charset")) {
        String charset = parameter.length < 2 ? "" : parameter[1].strip().replace("\"", "");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
          return false;
        }
      }
    }
    return true;
  }
}
