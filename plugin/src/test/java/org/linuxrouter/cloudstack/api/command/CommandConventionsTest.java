package org.linuxrouter.cloudstack.api.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.Parameter;
import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.api.LinuxRouterApiService;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.api.response.LinuxRouterSyncResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** The commands and responses follow CloudStack's conventions and never carry the secret back. */
class CommandConventionsTest {
    private final List<Class<?>> commands = new LinuxRouterApiService().getCommands();

    @Test
    void theFiveCommandsAreAdminOnlyWithSinceAndLowerCaseParameters() {
        assertEquals(List.of("addLinuxRouter", "listLinuxRouters", "updateLinuxRouter", "deleteLinuxRouter",
                "syncLinuxRouter"), commands.stream().map(c -> c.getAnnotation(APICommand.class).name())
                .collect(java.util.stream.Collectors.toList()));
        for (Class<?> command : commands) {
            APICommand api = command.getAnnotation(APICommand.class);
            assertArrayEquals(new RoleType[] {RoleType.Admin}, api.authorized(), command.getName());
            assertEquals("4.22.0", api.since(), command.getName());
            assertFalse(api.description().isBlank(), command.getName());
            assertFalse(api.responseHasSensitiveInfo(), command.getName());
            for (Field f : command.getDeclaredFields()) {
                Parameter p = f.getAnnotation(Parameter.class);
                if (p != null) {
                    assertEquals(p.name().toLowerCase(Locale.ROOT), p.name(), command.getName() + "." + f.getName());
                    assertFalse(p.description().isBlank(), command.getName() + "." + f.getName());
                }
            }
        }
    }

    @Test
    void commandsCarryingTheSecretSayTheRequestIsSensitive() {
        for (Class<?> command : commands) {
            boolean carriesSecret = Arrays.stream(command.getDeclaredFields()).map(f -> f.getAnnotation(Parameter.class))
                    .anyMatch(p -> p != null && p.name().equals("secret"));
            if (carriesSecret) {
                assertTrue(command.getAnnotation(APICommand.class).requestHasSensitiveInfo(), command.getName());
            }
        }
        assertTrue(AddLinuxRouterCmd.class.getAnnotation(APICommand.class).requestHasSensitiveInfo());
        assertTrue(UpdateLinuxRouterCmd.class.getAnnotation(APICommand.class).requestHasSensitiveInfo());
    }

    @Test
    void responsesHaveNoSecretAndDocumentEveryField() {
        for (Class<?> response : List.of(LinuxRouterResponse.class, LinuxRouterSyncResponse.class)) {
            List<String> keys = new ArrayList<>();
            for (Field f : response.getDeclaredFields()) {
                SerializedName name = f.getAnnotation(SerializedName.class);
                if (name == null) {
                    continue;
                }
                keys.add(name.value());
                Param param = f.getAnnotation(Param.class);
                assertNotNull(param, response.getSimpleName() + "." + f.getName());
                assertEquals("4.22.0", param.since(), response.getSimpleName() + "." + f.getName());
                assertEquals(name.value().toLowerCase(Locale.ROOT), name.value());
            }
            assertTrue(keys.contains("id"), response.getSimpleName());
            assertFalse(keys.stream().anyMatch(k -> k.contains("secret") || k.contains("password")), keys.toString());
        }
    }
}
