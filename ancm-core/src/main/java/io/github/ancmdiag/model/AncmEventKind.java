package io.github.ancmdiag.model;

/** What an event of the ASP.NET Core Module reports. Only {@link #FAILURE} is a failure. */
public enum AncmEventKind {
  /** The app or its process started (events 1001, 1032). */
  STARTED,
  /** The app or its process shut down, or was asked to (1006, 1030, 1033). */
  SHUT_DOWN,
  /** The app was recycled: app_offline, a file or a configuration change (1012, 1021, 1037). */
  RECYCLED,
  /** A notice with no verdict: a general message, a debug log line copied to the event log. */
  NOTICE,
  /** Something went wrong that does not keep the app from serving (a graceful shutdown). */
  WARNING,
  /** The app failed to start or stopped, or cannot be configured, loaded or reached. */
  FAILURE
}
