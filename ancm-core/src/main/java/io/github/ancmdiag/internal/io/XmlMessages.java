package io.github.ancmdiag.internal.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetbrains.annotations.NotNull;

/**
 * Turns the JDK XML parser's messages into words for a user. Most of its messages are sentences
 * already ("The element type "a" must be terminated by ..."), but some are internal: the
 * scanner's state number ({@code Scanner State 24 not Recognized}, for markup such as a DOCTYPE
 * inside an element) and untranslated namespace keys ({@code
 * http://www.w3.org/TR/1999/REC-xml-names-19990114#AttributeNSNotUnique?Event&x&b}). Stateless.
 */
public final class XmlMessages {
  private static final Pattern SCANNER_STATE =
      Pattern.compile("Scanner State \\d+ not Recognized\\.?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAMESPACE_KEY =
      Pattern.compile("https?://www\\.w3\\.org/TR/[^#\\s]*#(\\w+)(\\?(\\S*))?");

  private XmlMessages() {}

  /**
   * Returns the parser's message in words: the {@code ParseError at [row,col]} prefix dropped,
   * internal state numbers and namespace keys replaced by what they mean, blanks folded, at most
   * 200 characters.
   *
   * @param message the parser's message, or null
   * @return the message in words
   */
  public static @NotNull String inWords(String message) {
    String m = String.valueOf(message);
    int at = m.indexOf("Message: ");
    if (at >= 0) {
      m = m.substring(at + "Message: ".length());
    }
    m = SCANNER_STATE.matcher(m).replaceAll("markup that is not allowed at this place (such as"
        + " a DOCTYPE or an XML declaration inside an element)");
    Matcher k = NAMESPACE_KEY.matcher(m);
    StringBuilder sb = new StringBuilder();
    while (k.find()) {
      k.appendReplacement(sb, Matcher.quoteReplacement(namespaceProblem(k.group(1),
          k.group(3) == null ? "" : k.group(3))));
    }
    k.appendTail(sb);
    m = sb.toString().strip().replaceAll("\\s+", " ");
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }

  private static String namespaceProblem(String key, String args) {
    String[] a = args.split("&");
    String subject = a.length > 0 && !a[0].isEmpty() ? " (in <" + a[0] + ">)" : "";
    switch (key) {
      case "AttributeNSNotUnique":
        return "an attribute is given twice under the same namespace" + subject;
      case "ElementPrefixUnbound":
        return "an element's namespace prefix is not declared" + (a.length > 1
            ? " (<" + a[a.length - 1] + ">)" : "");
      case "AttributePrefixUnbound":
        return "an attribute's namespace prefix is not declared" + subject;
      default:
        return "a namespace error: " + key.replaceAll("(?<=[a-z])(?=[A-Z])", " ")
            .toLowerCase(Locale.ROOT) + subject;
    }
  }
}
