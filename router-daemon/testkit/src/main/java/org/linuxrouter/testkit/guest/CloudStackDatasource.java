package org.linuxrouter.testkit.guest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * cloud-init's own CloudStack datasource (Debian package {@code cloud-init}: {@code DataSourceCloudStack} and
 * {@code CloudStackPasswordServerClient}, imported, not copied), run by Debian's {@code /usr/bin/python3} in a VM's
 * network namespace as a boot would run it. It finds the metadata server itself (data-server by DNS, a DHCP lease,
 * or the default gateway), fetches instance-id, user data, the metadata tree and the password (acknowledging it),
 * then asks for the password a second time. Needs python3, cloud-init and wget (the password client shells out
 * to it).
 *
 * <p>The result, one JSON object: {@code found}, {@code server}, and when found {@code instance_id},
 * {@code user_data}, {@code metadata}, {@code public_keys}, {@code password}, {@code second_password} (null when
 * the server says saved_password) and {@code second_answer} (the server's raw text).
 */
public final class CloudStackDatasource {

    private static final String SCRIPT = "cloudstack_datasource.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudStackDatasource() {
    }

    /** Runs the datasource in network namespace {@code netns}; fails if python does not exit 0. */
    public static JsonNode fetch(String netns, Duration timeout) {
        Path script = extracted();
        try {
            CommandResult r = Command.run(List.of("ip", "netns", "exec", netns, "/usr/bin/python3",
                    script.toString()), null, timeout);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("cloud-init's datasource failed in " + netns + ": " + r);
            }
            String[] lines = r.stdout().strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException e) {
                // a stray temp file is harmless
            }
        }
    }

    private static Path extracted() {
        try (InputStream in = CloudStackDatasource.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT + " missing from testkit");
            }
            Path file = Files.createTempFile("cloudstack-datasource", ".py");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
