package org.linuxrouter.protocol.model;

/**
 * A value was rejected at a boundary. The message is {@code "<field>: <problem>"}, e.g.
 * {@code "vlan: expected 1..4094, got 4095"}; {@link #field()} lets the daemon put the field into a
 * {@link Problem} and lets the JSON codec prefix it with the path of the enclosing object.
 */
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public ValidationException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The field (or dotted path, e.g. {@code nics[0].mac}) that was rejected. */
  public String field() {
    return field;
  }

  /** What was expected and what was seen, without the field name. */
  public String problem() {
    return problem;
  }

  /** This error reported at {@code path} instead of its own field (for scalars parsed from JSON). */
  public ValidationException at(String path) {
    ValidationException moved = new ValidationException(path, problem);
    moved.initCause(this);
    return moved;
  }

  /** This error with its field nested under {@code parent}, e.g. {@code nics[2]} + {@code mac}. */
  public ValidationException under(String parent) {
    String nested = field.startsWith("[") ? parent + field : parent + "." + field;
    ValidationException moved = new ValidationException(nested, problem);
    moved.initCause(this);
    return moved;
  }
}
