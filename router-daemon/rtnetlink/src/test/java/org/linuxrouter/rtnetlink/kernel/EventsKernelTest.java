package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.EventGroup;
import org.linuxrouter.rtnetlink.RtnlEvent;
import org.linuxrouter.rtnetlink.RtnlEvents;
import org.linuxrouter.rtnetlink.RtnlListener;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;

/** Events for changes made by iproute2, delivered on the subscription's own thread. Needs root. */
@FreshNetns
class EventsKernelTest {
    private final BlockingQueue<RtnlEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    private final AtomicInteger resyncs = new AtomicInteger();

    private final RtnlListener listener = new RtnlListener() {
        @Override
        public void onEvent(RtnlEvent event) {
            threads.add(Thread.currentThread().getName());
            events.add(event);
        }

        @Override
        public void onResync() {
            resyncs.incrementAndGet();
        }
    };

    @Test
    @SuppressWarnings("try") // the subscription only has to be open while the body runs
    void linkAndAddressChangesMadeByIpArriveDecoded() throws Exception {
        try (RtnlEvents subscription = RtnlEvents.subscribe(EnumSet.of(EventGroup.LINK, EventGroup.IPV4_ADDRESS),
                listener)) {
            Ip.run("link", "add", "ev0", "type", "veth", "peer", "name", "ev1");
            RtnlEvent.LinkEvent created = (RtnlEvent.LinkEvent) await(e -> e instanceof RtnlEvent.LinkEvent
                    && ((RtnlEvent.LinkEvent) e).link().name().equals("ev0"));
            assertEquals(RtnlEvent.Action.NEW, created.action());
            assertEquals(Ip.index("ev0"), created.link().index());
            assertEquals("rtnetlink-events", threads.poll());

            Ip.run("addr", "add", "192.0.2.1/24", "dev", "ev0");
            RtnlEvent.AddressEvent added = (RtnlEvent.AddressEvent) await(e -> e instanceof RtnlEvent.AddressEvent);
            assertEquals("192.0.2.1/24", added.address().prefix().toString());

            Ip.run("link", "del", "ev0");
            await(e -> e instanceof RtnlEvent.LinkEvent && e.action() == RtnlEvent.Action.DELETED
                    && ((RtnlEvent.LinkEvent) e).link().name().equals("ev0"));
        }
    }

    @Test
    void closeStopsDeliveryPromptly() throws Exception {
        RtnlEvents subscription = RtnlEvents.subscribe(EnumSet.of(EventGroup.LINK), listener);
        long start = System.nanoTime();
        subscription.close();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000);
        Ip.run("link", "add", "ev0", "type", "veth", "peer", "name", "ev1");
        assertEquals(null, events.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    @SuppressWarnings("try")
    void overflowingTheBufferSignalsResyncAndDeliveryGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RtnlListener slow = new RtnlListener() {
            @Override
            public void onEvent(RtnlEvent event) {
                try {
                    release.await(); // a stuck consumer: the kernel keeps queueing until the buffer is full
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                events.add(event);
            }

            @Override
            public void onResync() {
                resyncs.incrementAndGet();
            }
        };
        try (RtnlEvents subscription = RtnlEvents.subscribe(EnumSet.of(EventGroup.LINK), slow)) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                lines.add("link add a" + i + " type veth peer name b" + i);
            }
            Ip.batch(lines); // ~3000 link events, several MiB: far beyond the socket's receive buffer
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (resyncs.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, resyncs.get());
            // the backlog was discarded before onResync: a change made now must arrive (the kernel drops events
            // while a queue that overflowed is not yet empty)
            Ip.run("link", "add", "after0", "type", "veth", "peer", "name", "after1");
            await(e -> e instanceof RtnlEvent.LinkEvent && ((RtnlEvent.LinkEvent) e).link().name().equals("after0"));
        }
    }

    private RtnlEvent await(Predicate<RtnlEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            RtnlEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && wanted.test(e)) {
                return e;
            }
        }
        throw new AssertionError("expected a matching event within 5 s, none came");
    }
}
