package io.github.ancmdiag.model;

import java.util.Locale;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;

/**
 * A fact about an incident that is not a log line: something the user saw but cannot attach, or
 * what the collected files show by their mere presence or absence. The troubleshooting table uses
 * these as symptoms ("no entry in the event log", "the log file isn't created").
 */
public enum Observation {
  /** The Application event log has no ANCM entry for the failure. */
  NO_EVENT_LOG_ENTRY("no-event-log-entry"),
  /** No ANCM stdout log file was created. */
  STDOUT_LOG_NOT_CREATED("stdout-log-not-created"),
  /** The stdout log file was created but is empty. */
  STDOUT_LOG_EMPTY("stdout-log-empty"),
  /** The stdout log has content; inferred from any stdout-log record with text. */
  STDOUT_LOG_HAS_OUTPUT("stdout-log-has-output"),
  /** No ANCM debug log file was created. */
  DEBUG_LOG_NOT_CREATED("debug-log-not-created"),
  /** The root app logs normally, but the sub-app's log file is not created. */
  SUB_APP_LOG_NOT_CREATED("sub-app-log-not-created"),
  /** The app serves requests normally. */
  APP_RESPONDS_NORMALLY("app-responds-normally"),
  /** The browser could not connect to the site at all. */
  CONNECTION_REFUSED("connection-refused");

  private final String key;

  Observation(String key) {
    this.key = key;
  }

  /**
   * Returns the stable kebab-case key used in catalogs, on the command line and in JSON.
   *
   * @return the key, for example {@code no-event-log-entry}
   */
  public @NotNull String key() {
    return key;
  }

  /**
   * Looks an observation up by its key, ignoring case and accepting underscores for dashes.
   *
   * @param key a key such as {@code stdout-log-empty}
   * @return the observation, or empty when the key is unknown
   */
  public static @NotNull Optional<Observation> fromKey(@NotNull String key) {
    String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Observation o : values()) {
      if (o.key.equals(k)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
