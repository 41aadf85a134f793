package org.linuxrouter.protocol.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * An error response body in RFC 9457 "problem details" form ({@code application/problem+json}):
 * {@code type} (a URI, {@code about:blank} by default), {@code title}, HTTP {@code status} (400..599),
 * optional {@code detail}, and the extension member {@code field} naming the rejected input
 * (e.g. {@code nics[0].mac}) for validation errors.
 */
public final class Problem {
  public static final String ABOUT_BLANK = "about:blank";

  private final String type;
  private final String title;
  private final int status;
  private final String detail;
  private final String field;

  private Problem(Builder builder) {
    this.type = uri("type", builder.type);
    this.title = Check.text("title", builder.title, 1, 200);
    this.status = Check.range("status", builder.status, 400, 599);
    this.detail = builder.detail == null ? null : Check.text("detail", builder.detail, 1, 4096);
    this.field = builder.field == null ? null : Check.text("field", builder.field, 1, 200);
  }

  private static String uri(String field, String value) {
    Check.text(field, value, 1, 200);
    try {
      new URI(value);
    } catch (URISyntaxException e) {
      throw new ValidationException(field, "expected a uri reference, got " + Check.quote(value));
    }
    return value;
  }

  /** A problem for a rejected input: status 400 (or another 4xx), the field and what was wrong. */
  public static Problem invalid(int status, ValidationException e) {
    return builder().title("invalid request").status(status).field(e.field()).detail(e.getMessage()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** The rejected input's path, e.g. {@code gateway4} or {@code nics[0].mac}. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Problem)) {
      return false;
    }
    Problem that = (Problem) other;
    return type.equals(that.type) && title.equals(that.title) && status == that.status
        && Objects.equals(detail, that.detail) && Objects.equals(field, that.field);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, title, status, detail, field);
  }

  @Override
  public String toString() {
    return "Problem{status=" + status + ", title=" + title + (field == null ? "" : ", field=" + field)
        + (detail == null ? "" : ", detail=" + Check.quote(detail)) + ", type=" + type + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private String type = ABOUT_BLANK;
    private String title;
    private int status;
    private String detail;
    private String field;

    private Builder() {
    }

    private Builder(Problem problem) {
      this.type = problem.type;
      this.title = problem.title;
      this.status = problem.status;
      this.detail = problem.detail;
      this.field = problem.field;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** A human explanation of this occurrence, or null. */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /** The rejected field's path, or null if the problem is not about one field. */
    public Builder field(String field) {
      this.field = field;
      return this;
    }

    public Problem build() {
      return new Problem(this);
    }
  }
}
