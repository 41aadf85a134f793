package org.linuxrouter.daemon.store;

/**
 * A change would make two NICs claim the same thing: a public address (one /32 route can lead to one NIC only,
 * anywhere on this router) or a MAC within one network. The API answers it with 409 Conflict.
 */
public final class ConflictException extends IllegalArgumentException {
  public ConflictException(String message) {
    super(message);
  }
}
