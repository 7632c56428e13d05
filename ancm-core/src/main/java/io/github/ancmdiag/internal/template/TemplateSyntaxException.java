package io.github.ancmdiag.internal.template;

/** Thrown by {@link Template#parse(String)} for a template that cannot be compiled. */
public final class TemplateSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  TemplateSyntaxException(String message) {
    super(message);
  }
}
