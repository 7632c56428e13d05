package io.github.ancmdiag.model;

/**
 * The kind of value a template capture matches. Each type bounds the characters and the length a
 * capture may take, which keeps matching linear and stops a capture from running past its field.
 */
public enum CaptureType {
  /** A file or folder path: anything but quotes, {@code <}, {@code >} and {@code |}. */
  PATH(400),
  /** An IIS application id such as {@code /LM/W3SVC/1/ROOT} or {@code MACHINE/WEBROOT/APPHOST/Site}. */
  APP_ID(300),
  /** A version such as {@code 2.2.0} or {@code 3.0.0-preview-18579-0056}. */
  VERSION(64),
  /** An HRESULT in hexadecimal or in signed or unsigned decimal. */
  HRESULT(12),
  /** Bare hexadecimal digits, such as the exit code ANCM V1 prints. */
  HEX(8),
  /** A decimal integer, optionally negative. */
  INT(11),
  /** A TCP port number. */
  PORT(5),
  /** An assembly, framework or file name: no white space, quotes or slashes. */
  NAME(200),
  /** Any text. */
  TEXT(2000);

  private final int maxLength;

  CaptureType(int maxLength) {
    this.maxLength = maxLength;
  }

  /**
   * Returns the longest value this type matches, in characters after white space is removed.
   *
   * @return the maximum length
   */
  public int maxLength() {
    return maxLength;
  }
}
