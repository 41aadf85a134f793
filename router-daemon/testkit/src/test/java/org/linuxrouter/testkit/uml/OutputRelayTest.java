package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputRelayTest {

    @Test
    void echoesWithPrefixDropsConsoleCarriageReturnsAndSeesTheInitStart() throws Exception {
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        String console = "kernel says hi\r\nlrlab: init started\r\nline 3\nlast without newline";
        OutputRelay relay = OutputRelay.start(new ByteArrayInputStream(console.getBytes(StandardCharsets.UTF_8)),
                "[uml t] ", new PrintStream(echoed, true, StandardCharsets.UTF_8), System.nanoTime());
        assertTrue(relay.awaitEnd(Duration.ofSeconds(10)));
        assertEquals(List.of("kernel says hi", "lrlab: init started", "line 3", "last without newline"),
                relay.lines());
        assertEquals(List.of("line 3", "last without newline"), relay.tail(2));
        assertTrue(relay.bootTime().isPresent());
        assertEquals("[uml t] kernel says hi\n[uml t] lrlab: init started\n[uml t] line 3\n"
                + "[uml t] last without newline\n", echoed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noInitLineMeansNoBootTime() throws Exception {
        OutputRelay relay = OutputRelay.start(new ByteArrayInputStream(new byte[0]), "", System.out, 0);
        assertTrue(relay.awaitEnd(Duration.ofSeconds(10)));
        assertTrue(relay.bootTime().isEmpty());
        assertEquals(List.of(), relay.lines());
    }
}
