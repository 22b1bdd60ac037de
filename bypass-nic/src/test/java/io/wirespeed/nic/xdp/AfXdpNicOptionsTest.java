package io.wirespeed.nic.xdp;

import io.wirespeed.config.AfXdpNicContext;
import io.wirespeed.config.XdpBindMode;
import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.frame.FrameTestSupport;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Options come from the configuration context and are checked before any system call; opening an interface that
 * does not exist names it. Needs no privileges.
 */
final class AfXdpNicOptionsTest
{
    @Test
    void optionsTakeEveryContextSetting()
    {
        final AfXdpNicOptions options = AfXdpNicOptions.of(new AfXdpNicContext()
            .interfaceName("ens1f0")
            .queue(3)
            .xdpMode(XdpMode.NATIVE)
            .bind(XdpBindMode.ZERO_COPY)
            .umemFrameSizeBytes(4096)
            .umemFrameCount(8192)
            .ringSize(2048)
            .hugePages(true));
        assertEquals("ens1f0", options.interfaceName());
        assertEquals(3, options.queue());
        assertEquals(XdpMode.NATIVE, options.xdpMode());
        assertEquals(XdpBindMode.ZERO_COPY, options.bind());
        assertEquals(4096, options.umemFrameSizeBytes());
        assertEquals(8192, options.umemFrameCount());
        assertEquals(2048, options.ringSize());
        assertTrue(options.hugePages());
        assertEquals(32L * 1024 * 1024, options.umemSizeBytes());
        options.validate();
    }

    @Test
    void invalidOptionsAreRefusedWithTheReason()
    {
        assertInvalid((options) -> options.interfaceName(null), "no interface");
        assertInvalid((options) -> options.queue(1024), "queue 1024 outside 0..1023");
        assertInvalid((options) -> options.bind(XdpBindMode.ZERO_COPY), "zero-copy needs xdp_mode = native");
        assertInvalid((options) -> options.umemFrameSizeBytes(3000), "frame size 3000 is not 2048 or 4096");
        assertInvalid((options) -> options.ringSize(100), "ring size 100 is not a power of two");
        assertInvalid((options) -> options.umemFrameCount(1024), "at least twice the ring size (2048)");
        assertInvalid((options) -> options.umemFrameCount(1 << 20), "larger than the 2 GiB");
        assertInvalid((options) -> options.maxSubscriptions(0), "max subscriptions 0 outside 1..65536");
        assertInvalid((options) -> options.bindBusyTimeoutNs(-1), "negative bind busy timeout");
    }

    @Test
    void anAbsentInterfaceIsNamed()
    {
        VethNetwork.skipUnless(XdpLibrary.isAvailable(), "AF_XDP library unavailable: " +
            XdpLibrary.unavailableReason());
        final XdpSetupException error = assertThrows(XdpSetupException.class, () -> AfXdpNicPort.open("absent",
            new AfXdpNicOptions().interfaceName("wsx-absent0"), FrameTestSupport.newAllocator(),
            new SystemEpochNanoClock()));
        assertTrue(error.getMessage().contains("no network interface 'wsx-absent0'"), error.getMessage());
        assertEquals(XdpErrors.ENODEV, error.errno());
    }

    private static void assertInvalid(final UnaryOperator<AfXdpNicOptions> change, final String reason)
    {
        final AfXdpNicOptions options = change.apply(new AfXdpNicOptions().interfaceName("eth0"));
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, options::validate);
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }
}
