package org.linuxrouter.daemon.store;

/** Where the desired state survives restarts. Implementations serialise their own callers. */
public interface StateStore {
  /**
   * The saved state, or {@link DesiredState#EMPTY} when nothing was ever saved.
   *
   * @throws StoreException if a saved state exists but cannot be read or understood
   */
  DesiredState load();

  /**
   * Replaces the saved state; on return it survives a crash or power loss.
   *
   * @throws StoreException if it could not be saved (the previous state is then still intact)
   */
  void save(DesiredState state);
}
