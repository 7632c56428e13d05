package io.github.ancmdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads standard input for {@link AncmDiagnose}: the path {@code -} reads it to its end,
 * {@code --paste} prompts (on stderr) and reads to two empty lines in a row. Either is read
 * through {@link PastedText}, so a paste of several kinds of evidence is split by what each
 * part looks like; what was found is said on stderr.
 */
final class StandardInput {
  private StandardInput() {}

  /**
   * Reads standard input into {@code files} when {@code -} is among {@code paths} or {@code
   * paste} is set; returns whether it did.
   *
   * @throws ParameterException when {@code -} is given twice, or with {@code --paste}
   */
  static boolean read(List<Path> paths, boolean paste, Terminal terminal, IncidentFiles files,
      PrintWriter err, CommandSpec spec) throws IOException {
    long dashes = paths.stream().filter(StandardInput::isDash).count();
    if (dashes > 1) {
      throw new ParameterException(spec.commandLine(), "- (standard input) may be given once");
    }
    if (dashes == 1 && paste) {
      throw new ParameterException(spec.commandLine(),
          "--paste and - both read standard input: give one of them");
    }
    if (dashes == 0 && !paste) {
      return false;
    }
    PastedText text;
    if (paste) {
      err.println(PastedText.PROMPT);
      err.flush();
      text = PastedText.readPaste(terminal.in());
    } else {
      text = PastedText.readAll(terminal.in());
    }
    if (text.parts().isEmpty()) {
      err.println("ancm-diagnose: warning: standard input held no text");
    } else {
      err.println("ancm-diagnose: read from standard input: " + String.join("; ", text.parts()));
      files.addRecords(text.records(), text.skipped());
    }
    return true;
  }

  /** Returns the paths other than {@code -}. */
  static List<Path> others(List<Path> paths) {
    return paths.stream().filter(p -> !isDash(p)).toList();
  }

  private static boolean isDash(Path p) {
    return p.toString().equals("-");
  }
}
