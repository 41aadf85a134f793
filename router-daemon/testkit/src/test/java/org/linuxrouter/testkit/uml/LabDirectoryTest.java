package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabDirectoryTest {

    @Test
    void argvIsNulSeparatedSoSpacesQuotesAndNewlinesSurvive() {
        byte[] encoded = LabDirectory.encodeArgv(List.of("sh", "-c", "echo 'a b'\n$HOME"));
        assertArrayEquals("sh\0-c\0echo 'a b'\n$HOME\0".getBytes(StandardCharsets.UTF_8), encoded);
        assertThrows(IllegalArgumentException.class, () -> LabDirectory.encodeArgv(List.of("a\0b")));
    }

    @Test
    void holdsAnExecutableInitAnEmptyStartDirectoryAndIsDeletedOnClose() throws Exception {
        Path root;
        try (LabDirectory lab = LabDirectory.create(List.of("true"))) {
            root = lab.root();
            assertTrue(Files.isExecutable(lab.init()));
            assertTrue(Files.readString(lab.init()).startsWith("#!/bin/bash"));
            try (var entries = Files.list(lab.cwd())) {
                assertEquals(0, entries.count(), "UML must start in an empty directory (trap 9)");
            }
            assertEquals(Optional.empty(), lab.status());
            Files.writeString(lab.statusFile(), "exit 0\n");
            assertEquals(Optional.of("exit 0\n"), lab.status());
        }
        assertFalse(Files.exists(root), root.toString());
    }
}
