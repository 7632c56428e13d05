package io.github.ancmdiag.cli;

import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Observation;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One thing a person can do to collect more evidence, by where the evidence is written: the
 * channel of an expected message, or what an observation is about. Listed cheapest first, which
 * also breaks ties when two steps tell the candidates apart equally well.
 */
enum CollectStep {
  /** The Application event log. */
  EVENT_VIEWER("Open Event Viewer > Windows Logs > Application and look for IIS AspNetCore"
      + " Module events from the time of the failure (on App Service: LogFiles\\eventlog.xml)",
      "look in Event Viewer"),
  /** The error page. */
  ERROR_PAGE("Browse to the app on the server itself, where IIS shows its detailed error page,"
      + " and copy the page's status and title", "copy the error page's status and title"),
  /** The app's web.config. */
  WEB_CONFIG("Check the deployed web.config: <aspNetCore> processPath and arguments,"
      + " hostingModel, stdoutLogFile and the handlers (or give it to ancm-diagnose with"
      + " --web-config)", "check web.config"),
  /** The ANCM stdout log. */
  STDOUT_LOG("Enable the stdout log: stdoutLogEnabled=\"true\" and"
      + " stdoutLogFile=\".\\logs\\stdout\" on <aspNetCore> in web.config, with the logs folder"
      + " created; reproduce the failure and read the newest stdout_*.log",
      "enable the stdout log"),
  /** What the app prints when the stdout log cannot show it. */
  RUN_BY_HAND("Run the app by hand in its folder on the server (`dotnet .\\<app>.dll`, or its"
      + " .exe) and read what it prints", "run the app by hand"),
  /** The ANCM debug log. */
  DEBUG_LOG("Enable the ANCM debug log: <handlerSettings> under <aspNetCore> with debugFile"
      + " \".\\logs\\aspnetcore-debug.log\" and debugLevel \"FILE,TRACE\"; reproduce the failure"
      + " and read it", "enable the ANCM debug log"),
  /** Messages from Windows or an installer. */
  OS_MESSAGE("Look in the System event log and the Hosting Bundle installer's log for messages"
      + " about IIS features and the module", "look for Windows and installer messages");

  private final String action;
  private final String label;

  CollectStep(String action, String label) {
    this.action = action;
    this.label = label;
  }

  /** Returns the step as a sentence, without a final period. */
  String action() {
    return action;
  }

  /** Returns the step in a few words, lower case. */
  String label() {
    return label;
  }

  /**
   * Returns the step that would show an expected message of this channel or this observation.
   *
   * @param channel the expectation's channel
   * @param observation the observation expected, if it is one
   * @param stdoutBlind whether the stdout log was found empty or not created, so that what the
   *     app prints is seen only by running it by hand
   */
  static CollectStep of(Channel channel, Optional<Observation> observation,
      boolean stdoutBlind) {
    if (observation.isPresent()) {
      return switch (observation.get()) {
        case NO_EVENT_LOG_ENTRY -> EVENT_VIEWER;
        case DEBUG_LOG_NOT_CREATED -> DEBUG_LOG;
        case APP_RESPONDS_NORMALLY, CONNECTION_REFUSED -> ERROR_PAGE;
        default -> STDOUT_LOG;
      };
    }
    return switch (channel) {
      case EVENT_LOG -> EVENT_VIEWER;
      case BROWSER -> ERROR_PAGE;
      case WEB_CONFIG -> WEB_CONFIG;
      case STDOUT_LOG -> stdoutBlind ? RUN_BY_HAND : STDOUT_LOG;
      case DEBUG_LOG -> DEBUG_LOG;
      default -> OS_MESSAGE;
    };
  }

  /** Tells whether the evidence shows the stdout log empty or not created. */
  static boolean stdoutBlind(Evidence evidence) {
    return evidence.observations().contains(Observation.STDOUT_LOG_EMPTY)
        || evidence.observations().contains(Observation.STDOUT_LOG_NOT_CREATED);
  }

  /** Returns the steps whose evidence the incident already holds. */
  static Set<CollectStep> taken(Evidence evidence) {
    Set<CollectStep> taken = EnumSet.noneOf(CollectStep.class);
    for (LogRecord r : evidence.records()) {
      taken.add(of(r.channel(), Optional.empty(), false));
    }
    for (Observation o : evidence.observations()) {
      taken.add(of(Channel.BROWSER, Optional.of(o), false));
    }
    return taken;
  }
}
