package io.wirespeed.nic.xdp;

import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.frame.FrameTestSupport;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.concurrent.TimeUnit;

/**
 * A JVM that opens an AF_XDP port and holds it, for tests that kill it or take its privileges away: prints
 * {@code ready <mode>} and waits up to two minutes, or prints {@code failed <message>} and exits with 3.
 * Arguments: interface, XDP mode, UMEM frame count.
 */
public final class XdpPortHolder
{
    /** Exit code when the port could not be opened. */
    public static final int OPEN_FAILED = 3;

    private XdpPortHolder()
    {
    }

    /**
     * Open and hold.
     *
     * @param args interface, GENERIC or NATIVE, UMEM frame count.
     * @throws InterruptedException if interrupted while holding.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final AfXdpNicOptions options = new AfXdpNicOptions()
            .interfaceName(args[0])
            .xdpMode(XdpMode.valueOf(args[1]))
            .umemFrameCount(Integer.parseInt(args[2]));
        try (AfXdpNicPort port = AfXdpNicPort.open("holder", options, FrameTestSupport.newAllocator(),
            new SystemEpochNanoClock()))
        {
            System.out.println("ready " + port.mode());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }
        catch (final XdpSetupException ex)
        {
            System.out.println("failed " + ex.getMessage().replace('\n', ' '));
            System.out.flush();
            System.exit(OPEN_FAILED);
        }
    }
}
