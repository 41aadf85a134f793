package org.linuxrouter.protocol.model;

/** Whether one of the router's guest services is running, as {@code GET /v1/status} reports it. */
public enum ServiceState {
  /** Switched on in the daemon's configuration and working. */
  ON("on"),
  /** Switched off in the daemon's configuration. */
  OFF("off"),
  /** Switched on, but the last attempt to apply it failed (the reason is in each network's lastError). */
  FAILING("failing");

  private final String wireName;

  ServiceState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static ServiceState fromWireName(String field, String text) {
    for (ServiceState state : values()) {
      if (state.wireName.equals(text)) {
        return state;
      }
    }
    throw new ValidationException(field, "expected on, off or failing, got "
        + (text == null ? "none" : Check.quote(text)));
  }
}
