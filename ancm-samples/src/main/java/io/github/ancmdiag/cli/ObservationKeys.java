package io.github.ancmdiag.cli;

import io.github.ancmdiag.model.Observation;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The observation keys {@code --observation} accepts, as listed in {@code --help}; also converts
 * a key to its {@link Observation}. Instantiated by picocli.
 */
final class ObservationKeys implements Iterable<String>, ITypeConverter<Observation> {
  ObservationKeys() {}

  static List<String> keys() {
    return Stream.of(Observation.values()).map(Observation::key).toList();
  }

  @Override
  public Iterator<String> iterator() {
    return keys().iterator();
  }

  @Override
  public Observation convert(String value) {
    return Observation.fromKey(value).orElseThrow(() -> new TypeConversionException(
        "unknown observation '" + value + "'; known keys: " + String.join(", ", keys())));
  }
}
