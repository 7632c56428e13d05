package io.github.ancmdiag.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetbrains.annotations.Nullable;

/**
 * Reads one catalog file into a Jackson DTO record, finding every problem in the file rather than
 * the first. Called by {@link CatalogLoader} for {@code index.json} and each entry file.
 *
 * <p>Jackson's data binding stops at the first unknown property or wrong type, and binding a record
 * through its constructor buffers unknown properties, so their location is lost. So the file is
 * read twice. First a streaming pass walks the tokens against the shape of the DTO record (its
 * components, read by reflection: {@code String}, {@code Integer}, {@code Double},
 * {@code Boolean}, {@code List<T>}, nested records). It records the line of every JSON path in {@link FileProblems}, reports each
 * unknown property and each value of the wrong JSON type with its path and line, and builds a tree
 * without them. A syntax error, a duplicate property ({@link
 * StreamReadFeature#STRICT_DUPLICATE_DETECTION}) or an empty file ends the pass: nothing can be
 * bound from such a file. Content after the root value is reported, as {@link
 * DeserializationFeature#FAIL_ON_TRAILING_TOKENS} would.
 *
 * <p>Then {@link #MAPPER} binds the DTO: from the original bytes when the pass found nothing, so
 * every strict feature of the mapper applies, or else from the cleaned tree, so that the loader can
 * still check the rest of the file. A binding failure there (which the first pass should make
 * impossible) becomes a problem too.
 *
 * <p>Stateless apart from the shared, immutable, thread-safe {@link #MAPPER}.
 */
final class StrictJson {

  /** Strict binding: unknown properties, nulls for primitives, trailing tokens, duplicates fail. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
          DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
          DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  private static final int QUOTE_LIMIT = 60;
  /** Jackson's message for {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}. */
  private static final Pattern DUPLICATE =
      Pattern.compile("Duplicate (?:field|Object property) ['\"](.*)['\"]");

  private final JsonParser parser;
  private final FileProblems problems;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private String lastPath = "$";

  private StrictJson(JsonParser parser, FileProblems problems) {
    this.parser = parser;
    this.problems = problems;
  }

  /**
   * Reads a file into a DTO, reporting every problem to {@code problems}.
   *
   * @return the DTO (possibly partial, see the class comment), or {@code null} when the file is
   *     not valid JSON or not a JSON object
   */
  static <T extends Record> @Nullable T read(byte[] json, Class<T> type, FileProblems problems) {
    boolean cleanBefore = problems.isEmpty();
    JsonNode tree = walk(json, type, problems);
    if (tree == null) {
      return null;
    }
    try {
      return cleanBefore && problems.isEmpty()
          ? MAPPER.readerFor(type).readValue(json)
          : MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      problems.add(path(e), line(e.getLocation()),
          "the file cannot be bound to the catalog format: " + e.getOriginalMessage());
      return null;
    } catch (IOException | IllegalArgumentException e) {
      problems.add("$", "the file cannot be bound to the catalog format: " + e.getMessage());
      return null;
    }
  }

  private static @Nullable JsonNode walk(byte[] json, Class<?> type, FileProblems problems) {
    try (JsonParser p = MAPPER.createParser(json)) {
      StrictJson reader = new StrictJson(p, problems);
      try {
        return reader.readRoot(type);
      } catch (JsonProcessingException e) {
        reader.syntaxError(e);
        return null;
      }
    } catch (IOException e) {
      problems.add("$", 0, "the file cannot be read: " + e.getMessage());
      return null;
    }
  }

  /** Reports a syntax error or duplicate property at the path where the parser stopped. */
  private void syntaxError(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    JsonStreamContext context = parser.getParsingContext();
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.matches() && context != null && context.inObject()) {
      // the context still names the property before the duplicate
      problems.add(FileProblems.property(path(context, false), duplicate.group(1)),
          line(e.getLocation()), "the property '" + duplicate.group(1)
              + "' appears twice in the same object");
      return;
    }
    problems.add(context == null ? lastPath : path(context, true), line(e.getLocation()),
        "the file is not valid JSON: " + message);
  }

  /** Returns the JSON path of a parsing context, with or without its own current name. */
  private static String path(JsonStreamContext context, boolean withOwnName) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    String path = "$";
    for (JsonStreamContext c : chain) {
      if (c == context && !withOwnName) {
        break;
      }
      if (c.inObject() && c.hasCurrentName()) {
        path = FileProblems.property(path, c.getCurrentName());
      } else if (c.inArray() && c.hasCurrentIndex()) {
        path = FileProblems.element(path, c.getCurrentIndex());
      }
    }
    return path;
  }

  private @Nullable JsonNode readRoot(Class<?> type) throws IOException {
    if (parser.nextToken() == null) {
      problems.add("$", 1, "the file is empty; expected a JSON object");
      return null;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      problems.add("$", line(parser.currentTokenLocation()),
          "expected a JSON object but found " + found());
      return null;
    }
    JsonNode root = value(type, "$");
    try {
      if (parser.nextToken() != null) {
        problems.add("$", line(parser.currentTokenLocation()),
            "unexpected content after the end of the JSON object: " + found());
      }
    } catch (JsonProcessingException e) {
      problems.add("$", line(e.getLocation()),
          "unexpected content after the end of the JSON object: " + e.getOriginalMessage());
    }
    return root;
  }

  /** Reads the value at the current token; returns {@code null} when it has the wrong type. */
  private @Nullable JsonNode value(Type type, String path) throws IOException {
    JsonToken token = parser.currentToken();
    problems.line(path, line(parser.currentTokenLocation()));
    lastPath = path;
    if (token == JsonToken.VALUE_NULL) {
      return nodes.nullNode();
    }
    Class<?> raw = raw(type);
    if (raw == String.class && token == JsonToken.VALUE_STRING) {
      return nodes.textNode(parser.getText());
    }
    if (raw == Integer.class && token == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() != JsonParser.NumberType.INT) {
        problems.drop(path, "the number " + parser.getText() + " is too large");
        return null;
      }
      return nodes.numberNode(parser.getIntValue());
    }
    if (raw == Double.class && token.isNumeric()) {
      return nodes.numberNode(parser.getDoubleValue());
    }
    if (raw == Boolean.class && token.isBoolean()) {
      return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
    }
    if (raw == List.class && token == JsonToken.START_ARRAY) {
      Type elementType = ((ParameterizedType) type).getActualTypeArguments()[0];
      ArrayNode array = nodes.arrayNode();
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        JsonNode element = value(elementType, FileProblems.element(path, index++));
        // keep the indexes of later elements: a dropped element is reported and becomes null
        array.add(element == null ? nodes.nullNode() : element);
      }
      return array;
    }
    if (raw.isRecord() && token == JsonToken.START_OBJECT) {
      return object(raw, path);
    }
    problems.drop(path, "expected " + describe(type) + " but found " + found());
    parser.skipChildren();
    return null;
  }

  private ObjectNode object(Class<?> record, String path) throws IOException {
    Map<String, Type> properties = properties(record);
    ObjectNode object = nodes.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String propertyPath = FileProblems.property(path, name);
      int line = line(parser.currentTokenLocation());
      problems.line(propertyPath, line);
      lastPath = propertyPath;
      parser.nextToken();
      Type type = properties.get(name);
      if (type == null) {
        problems.add(propertyPath, line, "unknown property '" + name + "'; expected one of "
            + String.join(", ", properties.keySet()));
        parser.skipChildren();
        continue;
      }
      JsonNode value = value(type, propertyPath);
      if (value != null) {
        object.set(name, value);
      }
    }
    return object;
  }

  private static Map<String, Type> properties(Class<?> record) {
    Map<String, Type> properties = new LinkedHashMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      properties.put(component.getName(), component.getGenericType());
    }
    return properties;
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType
        ? (Class<?>) ((ParameterizedType) type).getRawType()
        : (Class<?>) type;
  }

  private static String describe(Type type) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return "a string";
    }
    if (raw == Integer.class) {
      return "a whole number";
    }
    if (raw == Double.class) {
      return "a number";
    }
    if (raw == Boolean.class) {
      return "true or false";
    }
    if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      return "an array of " + (raw(element) == String.class ? "strings" : "objects");
    }
    return "an object";
  }

  /** Describes the current token for a message, quoting a short value. */
  private String found() throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case VALUE_STRING:
        String text = parser.getText();
        return "the string '" + (text.length() > QUOTE_LIMIT
            ? text.substring(0, QUOTE_LIMIT) + "…" : text) + "'";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "the number " + parser.getText();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "the value " + parser.getText();
      case START_ARRAY:
        return "an array";
      case START_OBJECT:
        return "an object";
      default:
        return "'" + parser.getText() + "'";
    }
  }

  private static String path(JsonMappingException e) {
    String path = "$";
    for (JsonMappingException.Reference ref : e.getPath()) {
      path = ref.getFieldName() != null
          ? FileProblems.property(path, ref.getFieldName())
          : FileProblems.element(path, ref.getIndex());
    }
    return path;
  }

  private static String path(JsonProcessingException e) {
    return e instanceof JsonMappingException ? path((JsonMappingException) e) : "$";
  }

  private static int line(@Nullable JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }
}
