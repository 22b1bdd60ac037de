package io.wirespeed.nic.shm;

import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.nic.status.MappedFiles;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A shared-memory virtual NIC port, like DPDK memif: two single-producer single-consumer descriptor rings over a
 * frame area in a memory-mapped file, one per direction, with one RX and one TX queue; the peer may be another process.
 * <p>
 * One side {@link #create creates} the file and the other {@link #attach attaches}; this side's TX ring is the peer's
 * RX ring. The data path makes no system call and allocates nothing: acquire/release accesses on the mapped memory.
 * An rx timestamp is the sender's clock at its commit, the moment the frame is on the virtual wire.
 * <p>
 * Liveness: each side writes its pid when it opens and zero when it closes, and a heartbeat when its duty cycle calls
 * {@link #heartbeat(long)}; the other side reads them with {@link #peerPid()} and {@link #isPeerAlive(long, long)}.
 * If a peer dies mid-burst nothing torn is ever seen: frames it claimed but did not commit were never published and
 * are gone; a burst it was receiving was not released, so its frames are handed again to the next peer that attaches;
 * the survivor's TX claims are refused (counted as ring full) once the ring fills, until a new peer attaches and drains
 * it. A new attacher resumes from the positions in the file; an attacher whose pid is still alive refuses a second.
 * The file stays in place when either side closes; the next {@link #create} replaces it.
 */
public final class ShmNicPort implements NicPort
{
    private final String name;
    private final ShmSide side;
    private final Path path;
    private final ShmLayout layout;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final NicCounters counters;
    private final ShmRxQueue rxQueue;
    private final ShmTxQueue txQueue;
    private boolean isClosed;

    private ShmNicPort(
        final String name,
        final ShmSide side,
        final Path path,
        final ShmLayout layout,
        final MappedByteBuffer mapped,
        final UnsafeBuffer buffer,
        final NicCounters counters,
        final EpochNanoClock clock)
    {
        this.name = name;
        this.side = side;
        this.path = path;
        this.layout = layout;
        this.mapped = mapped;
        this.buffer = buffer;
        this.counters = counters;
        this.rxQueue = new ShmRxQueue(buffer, layout, side.rxRing(), counters);
        this.txQueue = new ShmTxQueue(buffer, layout, side.txRing(), counters, clock);
    }

    /**
     * Create the file (replacing any file at the path, whose current users keep their own copy) and open the
     * creating side.
     *
     * @param name      of the port, for counter labels.
     * @param context   geometry and path; concluded here if the caller has not.
     * @param allocator for the port's counters.
     * @param clock     stamps transmitted frames and the first heartbeat.
     * @return the port.
     */
    public static ShmNicPort create(
        final String name, final ShmNicContext context, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        final ShmLayout layout = layout(context);
        final Path path = context.path();
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot replace shm NIC file " + path, ex);
        }

        final MappedByteBuffer mapped = MappedFiles.mapNew(path, layout.fileLength());
        final UnsafeBuffer buffer = new UnsafeBuffer(mapped);
        buffer.putLong(ShmSide.CREATOR.pidOffset(), ProcessHandle.current().pid());
        buffer.putLong(ShmSide.CREATOR.heartbeatOffset(), clock.nanoTime());
        ShmHeader.initialise(buffer, layout);

        return open(name, ShmSide.CREATOR, path, layout, mapped, buffer, allocator, clock);
    }

    /**
     * Attach to a file another side created, after checking its header agrees with this side's configuration.
     *
     * @param name      of the port, for counter labels.
     * @param context   geometry and path, which must match the creator's; concluded here if the caller has not.
     * @param allocator for the port's counters.
     * @param clock     stamps transmitted frames and the first heartbeat.
     * @return the port.
     * @throws IllegalStateException when the file is missing, of another layout (naming the field, expected and found),
     *                               or attached by a live process.
     */
    public static ShmNicPort attach(
        final String name, final ShmNicContext context, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        final ShmLayout layout = layout(context);
        final Path path = context.path();
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(path.toFile(), "shm NIC");
        final UnsafeBuffer buffer = new UnsafeBuffer(mapped);
        try
        {
            ShmHeader.verify(buffer, layout, path);
            claimAttacherSlot(buffer, path);
        }
        catch (final RuntimeException ex)
        {
            IoUtil.unmap(mapped);
            throw ex;
        }
        buffer.putLongRelease(ShmSide.ATTACHER.heartbeatOffset(), clock.nanoTime());

        return open(name, ShmSide.ATTACHER, path, layout, mapped, buffer, allocator, clock);
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * Which end of the file this port is.
     *
     * @return which end of the file this port is.
     */
    public ShmSide side()
    {
        return side;
    }

    /**
     * The shared file.
     *
     * @return the path of the shared file.
     */
    public Path path()
    {
        return path;
    }

    /**
     * The file's layout.
     *
     * @return the file's layout.
     */
    public ShmLayout layout()
    {
        return layout;
    }

    /**
     * {@inheritDoc}
     */
    public int rxQueueCount()
    {
        return 1;
    }

    /**
     * {@inheritDoc}
     */
    public int txQueueCount()
    {
        return 1;
    }

    /**
     * {@inheritDoc}
     */
    public RxQueue rxQueue(final int queueId)
    {
        checkQueueId(queueId);
        return rxQueue;
    }

    /**
     * {@inheritDoc}
     */
    public TxQueue txQueue(final int queueId)
    {
        checkQueueId(queueId);
        return txQueue;
    }

    /**
     * {@inheritDoc}
     */
    public NicCounters counters()
    {
        return counters;
    }

    /**
     * Tell the peer this side is alive; call from the duty cycle with the time it read once.
     *
     * @param nowNs epoch nanoseconds.
     */
    public void heartbeat(final long nowNs)
    {
        buffer.putLongRelease(side.heartbeatOffset(), nowNs);
    }

    /**
     * The peer's pid.
     *
     * @return the peer's pid, or 0 when no peer has opened its side or it has closed it.
     */
    public long peerPid()
    {
        return buffer.getLongAcquire(side.peer().pidOffset());
    }

    /**
     * The peer's last heartbeat.
     *
     * @return epoch nanoseconds of the peer's last heartbeat, or 0 when none was written.
     */
    public long peerHeartbeatNs()
    {
        return buffer.getLongAcquire(side.peer().heartbeatOffset());
    }

    /**
     * Is the peer open and has it heartbeated recently?
     *
     * @param nowNs     epoch nanoseconds.
     * @param timeoutNs the longest silence still counted as alive.
     * @return true when the peer's side is open and its last heartbeat is no older than the timeout.
     */
    public boolean isPeerAlive(final long nowNs, final long timeoutNs)
    {
        return 0 != peerPid() && nowNs - peerHeartbeatNs() <= timeoutNs;
    }

    /**
     * Mark this side closed in the file, unmap it and free the counters.
     */
    public void close()
    {
        if (!isClosed)
        {
            isClosed = true;
            buffer.putLongRelease(side.pidOffset(), 0);
            CloseHelper.closeAll(() -> IoUtil.unmap(mapped), counters);
        }
    }

    private static ShmNicPort open(
        final String name,
        final ShmSide side,
        final Path path,
        final ShmLayout layout,
        final MappedByteBuffer mapped,
        final UnsafeBuffer buffer,
        final CounterAllocator allocator,
        final EpochNanoClock clock)
    {
        NicCounters counters = null;
        try
        {
            counters = new NicCounters(allocator, name);
            return new ShmNicPort(name, side, path, layout, mapped, buffer, counters, clock);
        }
        catch (final RuntimeException ex)
        {
            buffer.putLongRelease(side.pidOffset(), 0);
            CloseHelper.quietClose(counters);
            IoUtil.unmap(mapped);
            throw ex;
        }
    }

    private static ShmLayout layout(final ShmNicContext context)
    {
        if (!context.isConcluded())
        {
            context.conclude();
        }
        return new ShmLayout(context.ringCapacity(), context.frameSizeBytes(), context.frameCount());
    }

    private static void claimAttacherSlot(final UnsafeBuffer buffer, final Path path)
    {
        final int pidOffset = ShmSide.ATTACHER.pidOffset();
        final long pid = ProcessHandle.current().pid();
        while (true)
        {
            final long current = buffer.getLongVolatile(pidOffset);
            if (0 != current && ProcessHandle.of(current).map(ProcessHandle::isAlive).orElse(false))
            {
                throw new IllegalStateException("shm NIC file " + path + ": already attached by live pid " + current);
            }
            if (buffer.compareAndSetLong(pidOffset, current, pid))
            {
                return;
            }
        }
    }

    private static void checkQueueId(final int queueId)
    {
        if (0 != queueId)
        {
            throw new IllegalArgumentException("shm NIC port has one queue per direction, no queue " + queueId);
        }
    }
}
