package io.wirespeed.deploy;

import io.aeron.CncFileDescriptor;
import io.wirespeed.config.AeronContext;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * Whether a live media driver owns an Aeron directory, answered at once from its CnC file (the driver's pid and its
 * heartbeat, as {@code CommonContext.isDriverActive} reads it) instead of by waiting out a client's driver timeout.
 * The pid is looked up in this process's pid namespace: the operator's tools run on the appliance's host.
 */
final class DriverProbe
{
    private DriverProbe()
    {
    }

    /**
     * Refuse unless a live media driver owns the configured Aeron directory.
     *
     * @param context the {@code [aeron]} section.
     * @throws Refusal exit 3 naming {@code aeron.dir}, why nothing is there and how to start it.
     */
    static void requireLive(final AeronContext context)
    {
        final String dead = deadReason(context.dir(), context.driverTimeoutMs());
        if (null != dead)
        {
            throw Refusal.nothingToTalkTo("aeron.dir", context.dir().toString(), "no running appliance: " + dead +
                "; start it with `wirespeed run` (or `wirespeed driver` when aeron.embedded_driver = false) and " +
                "this configuration, or pass the --config it runs with");
        }
    }

    /**
     * Why no live driver owns a directory.
     *
     * @param dir       the Aeron directory.
     * @param timeoutMs heartbeat age beyond which a driver is taken for dead.
     * @return null when a live driver owns it, else the reason.
     */
    static String deadReason(final Path dir, final long timeoutMs)
    {
        final File cnc = dir.resolve(CncFileDescriptor.CNC_FILE).toFile();
        if (!cnc.isFile())
        {
            return "no media driver at " + dir + " (no " + CncFileDescriptor.CNC_FILE + ")";
        }
        if (cnc.length() < CncFileDescriptor.END_OF_METADATA_OFFSET)
        {
            return "the media driver's " + cnc + " is incomplete (a driver that died starting)";
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(cnc, CncFileDescriptor.CNC_FILE);
        try
        {
            final UnsafeBuffer metaData = CncFileDescriptor.createMetaDataBuffer(mapped);
            if (0 == metaData.getIntVolatile(CncFileDescriptor.cncVersionOffset(0)))
            {
                return "the media driver at " + dir + " never finished starting";
            }
            final long pid = metaData.getLong(CncFileDescriptor.pidOffset(0));
            if (!isAlive(pid))
            {
                return "the media driver at " + dir + " (pid " + pid + ") is not running; its files are left over";
            }
            final ManyToOneRingBuffer toDriver =
                new ManyToOneRingBuffer(CncFileDescriptor.createToDriverBuffer(mapped, metaData));
            final long ageMs = System.currentTimeMillis() - toDriver.consumerHeartbeatTime();
            if (ageMs > timeoutMs)
            {
                return "the media driver at " + dir + " (pid " + pid + ") has not heartbeat for " + ageMs + " ms";
            }
            return null;
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
    }

    /**
     * Whether a process runs in this pid namespace.
     *
     * @param pid the process id.
     * @return true when it is alive.
     */
    static boolean isAlive(final long pid)
    {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
