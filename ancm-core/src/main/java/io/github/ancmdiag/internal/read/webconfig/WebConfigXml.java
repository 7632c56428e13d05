package io.github.ancmdiag.internal.read.webconfig;

import io.github.ancmdiag.internal.io.IoFailures;
import io.github.ancmdiag.internal.io.XmlMessages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jetbrains.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses a {@code web.config} into a small element tree with line numbers, safely. Called by
 * {@code input.WebConfigReader}; the facts are drawn from the tree by {@link WebConfigFacts}.
 *
 * <p>Safety (OWASP XXE prevention, SAX section): the JDK's own parser
 * ({@link SAXParserFactory#newDefaultInstance()}, never one found on the class path) with
 * {@link XMLConstants#FEATURE_SECURE_PROCESSING} on, any {@code DOCTYPE} refused
 * ({@code disallow-doctype-decl}: a web.config never needs one, and without a DTD there are no
 * entities to expand, so neither external entities nor "billion laughs" can be written), external
 * general and parameter entities and external DTD loading off, {@code ACCESS_EXTERNAL_DTD} and
 * {@code ACCESS_EXTERNAL_SCHEMA} empty, XInclude off, and an entity resolver that refuses every
 * lookup. Input is bounded by {@link #MAX_BYTES} before parsing. Failures are returned as a
 * {@link Invalid} message, never thrown.
 */
public final class WebConfigXml {
  /** The largest web.config read, in bytes (IIS itself refuses files over 250 KB by default). */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private WebConfigXml() {}

  /**
   * One element: its name, attributes in document order, the line it starts on and its child
   * elements. Text content is not kept (web.config settings are attributes).
   */
  public static final class Element {
    final String name;
    final Map<String, String> attributes;
    final int line;
    final List<Element> children = new ArrayList<>();

    Element(String name, Map<String, String> attributes, int line) {
      this.name = name;
      this.attributes = attributes;
      this.line = line;
    }

    /** Returns an attribute's value, or null when absent. */
    @Nullable String attribute(String attributeName) {
      return attributes.get(attributeName);
    }

    /** Returns the child elements with this name, in document order. */
    List<Element> children(String childName) {
      List<Element> out = new ArrayList<>();
      for (Element c : children) {
        if (c.name.equals(childName)) {
          out.add(c);
        }
      }
      return out;
    }
  }

  /** Why a file could not be parsed, with the line when the parser knows it (else 0). */
  public record Invalid(String message, int line) {}

  /** The outcome of a parse: the root element, or why there is none. */
  public record Parsed(@Nullable Element root, @Nullable Invalid invalid) {}

  /** Parses bytes (encoding from the byte order mark or the XML declaration, else UTF-8). */
  public static Parsed parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return new Parsed(null, new Invalid("is " + bytes.length + " bytes, more than the limit of "
          + MAX_BYTES + " bytes this reader accepts", 0));
    }
    return parse(new InputSource(new ByteArrayInputStream(bytes)));
  }

  /** Parses text; a leading byte order mark character is ignored. */
  public static Parsed parse(CharSequence text) {
    if (text.length() > MAX_BYTES) {
      return new Parsed(null, new Invalid("is " + text.length()
          + " characters, more than the limit of " + MAX_BYTES + " this reader accepts", 0));
    }
    String s = text.toString();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    return parse(new InputSource(new StringReader(s)));
  }

  private static Parsed parse(InputSource in) {
    TreeBuilder handler = new TreeBuilder();
    try {
      SAXParser parser = newParser();
      parser.parse(in, handler);
    } catch (SAXParseException e) {
      return new Parsed(null, invalid(e));
    } catch (SAXException e) {
      return new Parsed(null, new Invalid("cannot be parsed: " + XmlMessages.inWords(
          e.getMessage()), 0));
    } catch (ParserConfigurationException e) {
      // The JDK's parser supports every feature set here; this is a broken runtime, and reading
      // on without the protections would be worse than reading nothing.
      return new Parsed(null, new Invalid("was not read: the XML parser cannot be configured"
          + " safely (" + e.getMessage() + ")", 0));
    } catch (IOException e) {
      return new Parsed(null, new Invalid("cannot be read: " + IoFailures.reason(e), 0));
    }
    if (handler.root == null) {
      return new Parsed(null, new Invalid("has no root element", 0));
    }
    if (!handler.root.name.equals("configuration")) {
      return new Parsed(null, new Invalid("has the root element <" + handler.root.name
          + ">, not <configuration>", handler.root.line));
    }
    return new Parsed(handler.root, null);
  }

  private static Invalid invalid(SAXParseException e) {
    String m = String.valueOf(e.getMessage());
    int line = Math.max(0, e.getLineNumber());
    if (m.toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
      return new Invalid("has a DOCTYPE declaration, which a web.config never needs; it was not"
          + " read, so no entity in it was expanded and no external file or URL was opened", line);
    }
    String where = e.getLineNumber() > 0
        ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
    return new Invalid("is not well-formed XML" + where + ": " + XmlMessages.inWords(m), line);
  }

  private static SAXParser newParser() throws ParserConfigurationException, SAXException {
    SAXParserFactory f = SAXParserFactory.newDefaultInstance();
    f.setNamespaceAware(false);
    f.setValidating(false);
    f.setXIncludeAware(false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    SAXParser p = f.newSAXParser();
    p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return p;
  }

  /** Builds the element tree while SAX reads; refuses every external lookup. */
  private static final class TreeBuilder extends DefaultHandler {
    private final Deque<Element> open = new ArrayDeque<>();
    private Locator locator;
    Element root;

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
      throw new SAXException("external entity refused: " + systemId);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 0; i < atts.getLength(); i++) {
        attributes.put(atts.getQName(i), atts.getValue(i));
      }
      Element e = new Element(qName, attributes, locator == null ? 0 : locator.getLineNumber());
      if (open.isEmpty()) {
        root = e;
      } else {
        open.peek().children.add(e);
      }
      open.push(e);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      open.pop();
    }
  }
}
