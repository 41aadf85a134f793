package org.linuxrouter.daemon.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * Read-only facts about the router's own interfaces that the API checks a request against before storing it
 * (a VXLAN underlay must exist and leave room for the encapsulation).
 */
@FunctionalInterface
public interface InterfaceProbe {

    /** The MTU of the interface, or empty when there is no such interface. */
    OptionalInt mtu(String name);

    /** The daemon's own network namespace, through {@code /sys/class/net/NAME/mtu}. */
    static InterfaceProbe sysfs() {
        return name -> {
            Path file = Path.of("/sys/class/net", InterfaceName.of("interface", name).value(), "mtu");
            try {
                return OptionalInt.of(Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip()));
            } catch (IOException | NumberFormatException e) {
                return OptionalInt.empty();
            }
        };
    }
}
