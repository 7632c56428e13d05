package io.github.ancmdiag.flink;

/**
 * Where a fleet file is: {@code .../host/<name>/<site>/<rest>}; the host and site name the
 * application an incident is about.
 *
 * @param host the host folder name, or empty when the path has no {@code host/<name>/<site>}
 * @param site the site folder name, or empty
 * @param relative the path from {@code host/} on, with forward slashes (the whole path when
 *     there is no {@code host/} folder)
 */
public record FleetPath(String host, String site, String relative) {
  /**
   * Reads a path.
   *
   * @param path a file path or URI, with forward or back slashes
   * @return where it is
   */
  public static FleetPath of(String path) {
    String p = path.replace('\\', '/');
    String[] parts = p.split("/");
    for (int i = parts.length - 4; i >= 0; i--) {
      if (parts[i].equals("host")) {
        return new FleetPath(parts[i + 1], parts[i + 2],
            String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)));
      }
    }
    return new FleetPath("", "", p);
  }

  /**
   * Returns the file name.
   *
   * @return the last part of the path
   */
  public String fileName() {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? relative : relative.substring(slash + 1);
  }
}
