package org.linuxrouter.ha.status.drbd;

import java.util.Optional;

/**
 * DRBD 9's connection states. DRBD 8.4's combined {@code cs:} value is split into this and a
 * {@link ReplicationState} the way drbd-utils' 8.4 compatibility layer does ({@code WFConnection} is
 * {@code Connecting}, {@code SyncSource} is {@code Connected} + {@code SyncSource}).
 */
public enum ConnectionState {
    STAND_ALONE("StandAlone"), DISCONNECTING("Disconnecting"), UNCONNECTED("Unconnected"), TIMEOUT("Timeout"),
    BROKEN_PIPE("BrokenPipe"), NETWORK_FAILURE("NetworkFailure"), PROTOCOL_ERROR("ProtocolError"),
    CONNECTING("Connecting"), TEAR_DOWN("TearDown"), CONNECTED("Connected");

    private final String drbdName;

    ConnectionState(String drbdName) {
        this.drbdName = drbdName;
    }

    public String drbdName() {
        return drbdName;
    }

    public static Optional<ConnectionState> fromText(String text) {
        for (ConnectionState c : values()) {
            if (c.drbdName.equals(text)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
