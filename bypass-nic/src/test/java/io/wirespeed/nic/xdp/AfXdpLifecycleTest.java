package io.wirespeed.nic.xdp;

import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.frame.FrameTestSupport;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test 3 and the lifecycle around it: the BPF link takes the XDP program off the interface when the process holding
 * it dies by SIGKILL, and a new socket binds the same queue afterwards; close detaches it too; a second port on a busy
 * queue fails after the bounded EBUSY retry with a message that says the queue is busy.
 */
@Tag("privileged")
@Timeout(120)
final class AfXdpLifecycleTest
{
    private static final long TIMEOUT_MS = 30_000;

    private VethNetwork network;
    private ChildJvm holder;
    private AfXdpNicPort port;
    private AfXdpNicPort second;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(holder, second, port, network);
    }

    @Test
    void programLeavesTheInterfaceWhenItsProcessIsKilledAndTheQueueBindsAgain()
    {
        network = VethNetwork.create();
        holder = ChildJvm.start(List.of(), XdpPortHolder.class, network.rootInterface, "GENERIC", "4096");
        assertEquals("ready " + AfXdpMode.GENERIC_COPY, holder.awaitLine("ready", TIMEOUT_MS));
        assertTrue(network.xdpAttached() && network.rootLink().contains(" xdpgeneric "), network.rootLink());

        holder.kill();
        assertFalse(holder.isAlive());
        awaitNoProgram();

        port = AfXdpNicPort.open("rebound", options(XdpMode.GENERIC), FrameTestSupport.newAllocator(),
            new SystemEpochNanoClock());
        assertTrue(network.rootLink().contains("wirespeed_xdp"), network.rootLink());
    }

    @Test
    void closeDetachesAndASecondPortOnABusyQueueFailsWithAClearMessage()
    {
        network = VethNetwork.create();
        port = AfXdpNicPort.open("first", options(XdpMode.NATIVE), FrameTestSupport.newAllocator(),
            new SystemEpochNanoClock());
        assertTrue(network.xdpAttached(), network.rootLink());

        final XdpSetupException busy = assertThrows(XdpSetupException.class, () -> AfXdpNicPort.open("second",
            options(XdpMode.NATIVE).bindBusyTimeoutNs(TimeUnit.MILLISECONDS.toNanos(300)),
            FrameTestSupport.newAllocator(), new SystemEpochNanoClock()));
        assertEquals(XdpErrors.EBUSY, busy.errno(), busy.getMessage());
        assertTrue(busy.getMessage().contains("queue 0 of " + network.rootInterface + " is busy"), busy.getMessage());

        port.close();
        assertFalse(network.xdpAttached(), network.rootLink());
        second = AfXdpNicPort.open("second", options(XdpMode.NATIVE), FrameTestSupport.newAllocator(),
            new SystemEpochNanoClock());
        assertEquals(AfXdpMode.NATIVE_COPY, second.mode());
    }

    private AfXdpNicOptions options(final XdpMode mode)
    {
        return new AfXdpNicOptions().interfaceName(network.rootInterface).xdpMode(mode);
    }

    private void awaitNoProgram()
    {
        final long deadlineMs = System.currentTimeMillis() + TIMEOUT_MS;
        while (network.xdpAttached())
        {
            assertTrue(System.currentTimeMillis() < deadlineMs, "program still attached: " + network.rootLink());
            ChildJvm.pause();
        }
    }
}
