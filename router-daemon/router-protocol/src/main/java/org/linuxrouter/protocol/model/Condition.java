package org.linuxrouter.protocol.model;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One observation about a network, in the Kubernetes condition shape: a {@code type} such as
 * {@code Applied} or {@code SpecValid}, whether it holds, a machine-readable CamelCase {@code reason},
 * a human {@code message}, and when the status last changed. Types and reasons are open strings so
 * later features (VXLAN, DHCP) add conditions without changing this contract.
 */
public final class Condition {
  /** Whether the condition holds. */
  public enum Status {
    TRUE, FALSE, UNKNOWN
  }

  private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

  private final String type;
  private final Status status;
  private final String reason;
  private final String message;
  private final Instant since;

  private Condition(Builder builder) {
    this.type = camel("type", builder.type);
    this.status = Check.present("status", builder.status);
    this.reason = camel("reason", builder.reason);
    this.message = Check.text("message", builder.message, 0, 1024);
    this.since = Check.present("since", builder.since);
  }

  private static String camel(String field, String value) {
    Check.present(field, value);
    if (!CAMEL.matcher(value).matches()) {
      throw new ValidationException(field, "expected CamelCase [A-Z][A-Za-z0-9]{0,63}, got " + Check.quote(value));
    }
    return value;
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

  public Status status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String message() {
    return message;
  }

  /** When {@link #status()} last changed. */
  public Instant since() {
    return since;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Condition)) {
      return false;
    }
    Condition that = (Condition) other;
    return type.equals(that.type) && status == that.status && reason.equals(that.reason)
        && message.equals(that.message) && since.equals(that.since);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message, since);
  }

  @Override
  public String toString() {
    return "Condition{type=" + type + ", status=" + status + ", reason=" + reason + ", message="
        + Check.quote(message) + ", since=" + since + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private String type;
    private Status status;
    private String reason;
    private String message = "";
    private Instant since;

    private Builder() {
    }

    private Builder(Condition condition) {
      this.type = condition.type;
      this.status = condition.status;
      this.reason = condition.reason;
      this.message = condition.message;
      this.since = condition.since;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder since(Instant since) {
      this.since = since;
      return this;
    }

    public Condition build() {
      return new Condition(this);
    }
  }
}
