package io.github.ancmdiag.model;

/** The ASP.NET Core Module whose wording an event has. */
public enum AncmModule {
  /** ANCM V1 ({@code aspnetcore.dll}, provider {@code IIS AspNetCore Module}): out of process. */
  V1,
  /**
   * ANCM V2 ({@code aspnetcorev2.dll}, provider {@code IIS AspNetCore Module V2}), from
   * ASP.NET Core 2.2 on.
   */
  V2
}
