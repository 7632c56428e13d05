package io.github.ancmdiag.rules;

import java.util.Locale;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;

/** The broad area a cause belongs to; groups the catalog in documentation and output. */
public enum Category {
  /** Something is not installed, or an install was damaged. */
  INSTALLATION,
  /** IIS site, binding, app pool or feature settings. */
  IIS_CONFIGURATION,
  /** The app's {@code web.config} or deployment settings. */
  APP_CONFIGURATION,
  /** The .NET runtime or shared framework the app needs. */
  RUNTIME,
  /** Azure App Service specifics such as site extensions and platform bitness. */
  HOSTING_PLATFORM,
  /** The app itself fails while starting. */
  APPLICATION;

  /**
   * Returns the kebab-case key used in catalog files.
   *
   * @return the key, for example {@code iis-configuration}
   */
  public @NotNull String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Looks a category up by its key.
   *
   * @param key a key such as {@code runtime}
   * @return the category, or empty when unknown
   */
  public static @NotNull Optional<Category> fromKey(@NotNull String key) {
    for (Category c : values()) {
      if (c.key().equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
