package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A logical volume with its file system. {@code size} (e.g. {@code 250G}) is for the operator's bring-up
 * ({@code lvcreate -L}); nothing rendered depends on it, and an import leaves it out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "size", "filesystem", "mountPoint", "mountOptions"})
public record LogicalVolume(String name, String size, String filesystem, String mountPoint,
                            List<String> mountOptions) {

    public LogicalVolume {
        filesystem = filesystem == null ? "ext4" : filesystem;
        mountOptions = mountOptions == null ? List.of() : List.copyOf(mountOptions);
    }

    public String devicePath(String volumeGroup) {
        return "/dev/" + volumeGroup + "/" + name;
    }
}
