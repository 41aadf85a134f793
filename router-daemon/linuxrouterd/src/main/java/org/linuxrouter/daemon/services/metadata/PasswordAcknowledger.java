package org.linuxrouter.daemon.services.metadata;

/**
 * Makes a guest's acknowledgement of its password durable: the daemon removes the password from desired state,
 * so it is not served again after a restart (the virtual router rewrites its password file the same way).
 */
@FunctionalInterface
public interface PasswordAcknowledger {

    /** Forgets the password of {@code nic} on {@code network} if it is still {@code password}. */
    void forget(String network, String nic, String password);

    PasswordAcknowledger IN_MEMORY = (network, nic, password) -> { };
}
