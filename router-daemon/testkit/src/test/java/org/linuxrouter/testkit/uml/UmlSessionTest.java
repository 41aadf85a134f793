package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UmlSessionTest {

    @Test
    void sessionIsTheFourthFieldAfterTheCommandName() {
        assertEquals(OptionalLong.of(7866), UmlSession.parseSession("7871 (linux.uml) S 7866 7866 7866 0 -1 4194560"));
        assertEquals(OptionalLong.of(12), UmlSession.parseSession("5 (a) b (c)) R 1 9 12 0"));
        assertEquals(OptionalLong.empty(), UmlSession.parseSession("garbage"));
        assertEquals(OptionalLong.empty(), UmlSession.parseSession("9 (sleep) Z 1 7866 7866 0"), "zombies hold nothing");
    }

    @Test
    void killsEveryProcessOfASessionAndNothingElse() throws Exception {
        // a session with a child: what SIGKILL of linux.uml leaves behind looks like this (trap 8)
        Process leader = new ProcessBuilder("setsid", "bash", "-c", "sleep 300 & sleep 300").start();
        try {
            UmlSession session = new UmlSession(leader.pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (session.members().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(3, session.members().size(), "bash and its two sleeps");
            assertFalse(session.members().contains(ProcessHandle.current().pid()));
            assertEquals(3, session.killAll());
            assertTrue(leader.waitFor(10, TimeUnit.SECONDS));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!session.members().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, session.members().size());
        } finally {
            leader.destroyForcibly();
        }
    }
}
