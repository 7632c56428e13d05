package io.github.ancmdiag.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the findings of {@code ancm-diagnose check} as a SARIF 2.1.0 log: one run whose tool
 * driver lists a rule per catalog entry found (its id, summary and CATALOG.md anchor), and one
 * result per finding with its level, message and the web.config's line. A web.config that could
 * not be read makes the invocation unsuccessful, with a notification that says why.
 */
final class SarifReport {
  /** The SARIF version written. */
  static final String VERSION = "2.1.0";
  /** The schema of that version, as the OASIS standard names it. */
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  private static final String PROJECT = "https://github.com/ancmdiag/ancm-diag";

  private SarifReport() {}

  static String write(List<CheckResult> results, List<String> unreadable, String toolVersion) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA).put("version", VERSION);
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ancm-diagnose").put("version", toolVersion)
        .put("informationUri", PROJECT);
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    for (CheckResult r : results) {
      if (!ruleIndex.containsKey(r.entryId())) {
        ruleIndex.put(r.entryId(), ruleIndex.size());
        ObjectNode rule = rules.addObject().put("id", r.entryId());
        rule.putObject("shortDescription").put("text", r.summary());
        rule.put("helpUri", PROJECT + "/blob/main/CATALOG.md#" + r.entryId());
      }
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", unreadable.isEmpty());
    if (!unreadable.isEmpty()) {
      ArrayNode notes = invocation.putArray("toolExecutionNotifications");
      for (String u : unreadable) {
        ObjectNode n = notes.addObject().put("level", "error");
        n.putObject("message").put("text", "cannot read " + u);
      }
    }
    ArrayNode out = run.putArray("results");
    for (CheckResult r : results) {
      ObjectNode result = out.addObject().put("ruleId", r.entryId())
          .put("ruleIndex", ruleIndex.get(r.entryId())).put("level", r.level());
      result.putObject("message").put("text", r.message() + " (" + r.summary() + ")");
      ObjectNode physical = result.putArray("locations").addObject()
          .putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", uri(r.file()));
      if (r.line() > 0) {
        physical.putObject("region").put("startLine", r.line());
      }
    }
    try {
      return JsonReport.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree, which cannot happen", e);
    }
  }

  /**
   * Returns a file's URI: a relative path stays relative (forward slashes, escaped), so CI
   * systems resolve it against the checkout; an absolute one is a {@code file:} URI.
   */
  static String uri(Path file) {
    if (file.isAbsolute()) {
      return file.toUri().toString();
    }
    String path = file.toString().replace(file.getFileSystem().getSeparator(), "/");
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      // a relative path with a colon in its first segment: make it a file URI instead
      return file.toAbsolutePath().toUri().toString();
    }
  }
}
