package io.github.ancmdiag.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link DiagnosisReport} as the one JSON document of {@code ancm-diagnose --json}.
 * The schema is documented in the README ("JSON output") and checked by
 * {@code AncmDiagnoseTest}; add fields, never rename or remove one.
 */
final class JsonReport {
  /** Shared; ObjectMapper is thread-safe once configured. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  static String write(DiagnosisReport report, Clues clues, String catalogVersion,
      List<SkippedRecord> skippedRecords) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", catalogVersion);
    report.aspNetCoreVersion().ifPresent(v -> root.put("aspnetcoreVersion", v.toString()));
    report.inferredVersions().ifPresent(v -> root.put("inferredVersions", v.toString()));
    ArrayNode diagnoses = root.putArray("diagnoses");
    for (Diagnosis d : report.diagnoses()) {
      ObjectNode n = diagnoses.addObject();
      n.put("id", d.entryId());
      n.put("confidence", d.confidence().name());
      n.put("score", round(d.score()));
      n.put("summary", d.summary());
      n.put("versions", d.versions().toString());
      ArrayNode evidence = n.putArray("evidence");
      for (Finding f : d.supporting()) {
        finding(evidence.addObject(), f);
      }
      ArrayNode missing = n.putArray("missing");
      for (Expectation e : d.missing()) {
        ObjectNode m = missing.addObject().put("signature", e.signatureId())
            .put("channel", e.channel().name()).put("description", e.description());
        clues.template(d, e).ifPresent(t -> m.put("template", t));
      }
      ArrayNode against = n.putArray("contradicting");
      for (Finding f : d.contradicting()) {
        finding(against.addObject(), f);
      }
      ObjectNode params = n.putObject("parameters");
      for (Map.Entry<String, String> p : d.parameters().entrySet()) {
        params.put(p.getKey(), p.getValue());
      }
      ArrayNode fix = n.putArray("fix");
      d.fix().forEach(fix::add);
    }
    ArrayNode collect = root.putArray("collect");
    for (Clues.Clue c : clues.clues()) {
      ObjectNode n = collect.addObject();
      n.put("channel", c.channel().name()).put("description", c.description());
      c.expectedBy().forEach(n.putArray("expectedBy")::add);
      c.notExpectedBy().forEach(n.putArray("notExpectedBy")::add);
      n.put("step", c.step().action());
    }
    ArrayNode skipped = root.putArray("skipped");
    for (SkippedRecord r : skippedRecords) {
      skipped.addObject().put("source", r.source()).put("line", r.line())
          .put("offset", r.byteOffset()).put("reason", r.reason());
    }
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree, which cannot happen", e);
    }
  }

  private static void finding(ObjectNode n, Finding f) {
    n.put("signature", f.signatureId()).put("kind", f.kind().name())
        .put("channel", f.channel().name()).put("detail", f.detail()).put("source", f.source()).put("weight", round(f.weight()));
  }

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
