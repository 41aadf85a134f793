package org.linuxrouter.cloudstack.client;

import java.util.Objects;

/** A CloudStack network as errors and logs name it: {@code network <uuid> (<name>)}, plus its id for CloudStack. */
public final class NetworkRef {
    private final long id;
    private final String uuid;
    private final String name;

    public NetworkRef(long id, String uuid, String name) {
        this.id = id;
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.name = name;
    }

    public long id() {
        return id;
    }

    public String uuid() {
        return uuid;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkRef && ((NetworkRef) other).id == id && ((NetworkRef) other).uuid.equals(uuid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, uuid);
    }

    @Override
    public String toString() {
        return "network " + uuid + (name == null ? "" : " (" + name + ")");
    }
}
