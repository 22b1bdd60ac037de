package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.CncFileDescriptor;
import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.wirespeed.config.AeronContext;
import io.wirespeed.config.DriverThreadingMode;
import io.wirespeed.journal.JournalAgent;
import io.wirespeed.nic.status.MappedFiles;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.File;
import java.nio.MappedByteBuffer;

/**
 * The appliance's Aeron client and its media driver: embedded (launched here on {@code aeron.dir}, deleted on close)
 * or external ({@code embedded_driver = false}: a running {@code wirespeed driver} at {@code aeron.dir}).
 */
final class MediaDriverLink implements AutoCloseable
{
    private final MediaDriver driver;
    private final Aeron aeron;
    private final String directory;

    private MediaDriverLink(final MediaDriver driver, final Aeron aeron, final String directory)
    {
        this.driver = driver;
        this.aeron = aeron;
        this.directory = directory;
    }

    /**
     * Launch the embedded driver or find the external one, then connect.
     *
     * @param context      the {@code [aeron]} section, concluded.
     * @param errorHandler where the client's errors go (the appliance's error log).
     * @return the link.
     * @throws Refusal when a driver already runs where an embedded one is to be launched, or none runs where one is
     *                 expected.
     */
    static MediaDriverLink open(final AeronContext context, final ErrorHandler errorHandler)
    {
        final File dir = context.dir().toFile();
        // a driver killed with SIGKILL leaves a heartbeat that looks alive for the driver timeout: its pid decides
        final boolean active = CommonContext.isDriverActive(dir, context.driverTimeoutMs(), (message) -> {}) &&
            !driverProcessGone(dir);
        MediaDriver driver = null;
        try
        {
            if (context.embeddedDriver())
            {
                if (active)
                {
                    throw Refusal.of("aeron.embedded_driver", true, "a media driver is already running at " + dir +
                        " (aeron.dir); stop it, or set aeron.embedded_driver = false to use it");
                }
                driver = launch(context);
            }
            else if (!active)
            {
                throw Refusal.nothingToTalkTo("aeron.embedded_driver", false, "no media driver is running at " + dir +
                    " (aeron.dir); start one with `wirespeed driver` and the same configuration");
            }
            final boolean invoker = null != driver && null != driver.sharedAgentInvoker();
            final Aeron aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(null == driver ? dir.getPath() : driver.aeronDirectoryName())
                .driverTimeoutMs(context.driverTimeoutMs())
                .errorHandler(errorHandler)
                .useConductorAgentInvoker(invoker)
                .driverAgentInvoker(invoker ? driver.sharedAgentInvoker() : null));
            return new MediaDriverLink(driver, aeron, aeron.context().aeronDirectoryName());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.close(driver);
            throw ex;
        }
    }

    /**
     * Whether the driver whose CnC file is in a directory was a process that no longer runs (killed, e.g. by
     * SIGKILL, before its heartbeat went stale), so its directory is leftovers, not a running driver.
     *
     * @param dir the Aeron directory.
     * @return true when the CnC file names a pid that is not running; false when there is no readable CnC file.
     */
    static boolean driverProcessGone(final File dir)
    {
        final File cnc = new File(dir, CncFileDescriptor.CNC_FILE);
        if (!cnc.isFile() || cnc.length() < CncFileDescriptor.META_DATA_LENGTH)
        {
            return false;
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(cnc, "cnc");
        try
        {
            final long pid = CncFileDescriptor.pid(CncFileDescriptor.createMetaDataBuffer(mapped));
            return pid > 0 && ProcessHandle.of(pid).isEmpty();
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
    }

    /**
     * Launch the embedded driver where its files fit: the CnC file and one IPC publication's log need room in
     * {@code aeron.dir}'s file system; a driver that fails for want of it (a fault while mapping) has its directory
     * removed.
     *
     * @throws Refusal naming {@code aeron.dir}, the bytes needed and the bytes free.
     */
    private static MediaDriver launch(final AeronContext context)
    {
        final MediaDriver.Context driverContext = driverContext(context);
        final long neededBytes = (long)driverContext.conductorBufferLength() + driverContext.toClientsBufferLength() +
            2L * driverContext.counterValuesBufferLength() + driverContext.errorBufferLength() +
            3L * driverContext.ipcTermBufferLength();
        final File dir = context.dir().toFile();
        final long freeBytes = MappedFiles.usableSpace(dir.toPath().resolve("cnc.dat"));
        final long freeBeside = freeBytes >= 0 ? freeBytes : MappedFiles.usableSpace(dir.toPath());
        if (freeBeside >= 0 && freeBeside < neededBytes)
        {
            throw noRoom(dir, neededBytes, freeBeside, null);
        }
        try
        {
            return MediaDriver.launchEmbedded(driverContext);
        }
        catch (final InternalError ex)
        {
            IoUtil.delete(dir, true);
            throw noRoom(dir, neededBytes, MappedFiles.usableSpace(dir.toPath()), ex);
        }
    }

    private static Refusal noRoom(final File dir, final long neededBytes, final long freeBytes, final Throwable cause)
    {
        return Refusal.of("aeron.dir", dir.getPath(), String.format("the media driver needs at least %,d bytes " +
            "there (CnC file and the market-data log) but the file system has %s free%s; free room there or point " +
            "aeron.dir at a larger file system", neededBytes, freeBytes < 0 ? "too few" :
            String.format("%,d", freeBytes), null == cause ? "" : " (" + cause.getMessage() + "; the directory was " +
            "removed)"));
    }

    /**
     * The media driver context the configuration asks for: directory, threading mode, IPC term length; the directory
     * is deleted when the driver starts (a dead driver's leftovers) and when it closes. The untethered timeouts are the
     * journal's ({@link JournalAgent#subscriptionChannel}): a journal subscription more than a term window behind for
     * {@link JournalAgent#UNTETHERED_WINDOW_LIMIT_TIMEOUT_NS} is left behind rather than holding the hot path's
     * publications (Aeron 1.51 ignores these settings in an IPC subscription's URI, so they are the driver's).
     *
     * @param context the {@code [aeron]} section, concluded.
     * @return the driver's context.
     */
    static MediaDriver.Context driverContext(final AeronContext context)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(context.dir().toString())
            .threadingMode(threadingMode(context.driverThreadingMode()))
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .ipcTermBufferLength(context.ipcTermLengthBytes())
            .timerIntervalNs(JournalAgent.DRIVER_TIMER_INTERVAL_NS)
            .untetheredWindowLimitTimeoutNs(JournalAgent.UNTETHERED_WINDOW_LIMIT_TIMEOUT_NS)
            .untetheredRestingTimeoutNs(JournalAgent.UNTETHERED_RESTING_TIMEOUT_NS)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
    }

    /**
     * The embedded driver.
     *
     * @return the driver, or null when it is external.
     */
    MediaDriver driver()
    {
        return driver;
    }

    /**
     * The connected client.
     *
     * @return the client.
     */
    Aeron aeron()
    {
        return aeron;
    }

    /**
     * What runs, as read back from the driver's and the client's contexts.
     *
     * @return one line.
     */
    String description()
    {
        if (null == driver)
        {
            return String.format("media driver: external at %s (client id %d)", directory, aeron.clientId());
        }
        final MediaDriver.Context context = driver.context();
        return String.format("media driver: embedded at %s, %s threading, IPC term %,d B (client id %d)",
            context.aeronDirectoryName(), context.threadingMode(), context.ipcTermBufferLength(), aeron.clientId());
    }

    public void close()
    {
        CloseHelper.closeAll(aeron, driver);
    }

    private static ThreadingMode threadingMode(final DriverThreadingMode mode)
    {
        switch (mode)
        {
            case DEDICATED:
                return ThreadingMode.DEDICATED;
            case SHARED_NETWORK:
                return ThreadingMode.SHARED_NETWORK;
            case INVOKER:
                return ThreadingMode.INVOKER;
            default:
                return ThreadingMode.SHARED;
        }
    }
}
