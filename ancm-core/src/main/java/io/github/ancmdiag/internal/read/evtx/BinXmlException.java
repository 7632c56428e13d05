package io.github.ancmdiag.internal.read.evtx;

/**
 * Binary XML that cannot be read: a token out of place, a size or offset outside the chunk, a
 * limit passed. Carries the offset in the chunk where it was found. No stack trace: it is an
 * expected outcome of damaged input, caught by {@link EvtxReader}.
 */
final class BinXmlException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The offset in the chunk where the problem was found. */
  final int offset;

  BinXmlException(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
  }
}
