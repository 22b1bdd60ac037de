package io.wirespeed.deploy;

import io.wirespeed.config.WirespeedConfig;
import org.agrona.CloseHelper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link InstanceLock}s a command takes before it touches its paths: an appliance locks its {@code nic.shm.path}
 * (its counters file and, on shm, the wires it attaches to) and, with an embedded media driver, its
 * {@code aeron.dir}; a venue locks {@code nic.shm.path} on its own side (the wires and counters it creates).
 */
final class InstanceLocks implements AutoCloseable
{
    private final List<InstanceLock> locks = new ArrayList<>();

    /**
     * Take the appliance's locks and, for the demo, the venue's.
     *
     * @param config    the configuration.
     * @param command   what this process is, e.g. "run".
     * @param appliance whether to take the appliance's locks.
     * @param venue     whether to take the venue's lock.
     * @return the locks, held.
     * @throws Refusal naming the key of the path another instance holds, and its pid.
     */
    static InstanceLocks acquire(
        final WirespeedConfig config, final String command, final boolean appliance, final boolean venue)
    {
        final InstanceLocks held = new InstanceLocks();
        try
        {
            if (venue)
            {
                held.locks.add(InstanceLock.acquire(Path.of(config.nic().shm().path() + "-venue"), "nic.shm.path",
                    command + " (venue side)"));
            }
            if (appliance)
            {
                held.locks.add(InstanceLock.acquire(Path.of(config.nic().shm().path().toString()), "nic.shm.path",
                    command));
                if (config.aeron().embeddedDriver())
                {
                    held.locks.add(InstanceLock.acquire(config.aeron().dir(), "aeron.dir", command));
                }
            }
            return held;
        }
        catch (final RuntimeException ex)
        {
            held.close();
            throw ex;
        }
    }

    /**
     * Stale locks taken over, one line each, for the banner.
     *
     * @return the lines; empty when every lock was free.
     */
    List<String> takeovers()
    {
        final List<String> lines = new ArrayList<>();
        for (final InstanceLock lock : locks)
        {
            if (null != lock.takeover())
            {
                lines.add(lock.takeover());
            }
        }
        return lines;
    }

    /**
     * The lock files, for the banner.
     *
     * @return the paths.
     */
    List<Path> files()
    {
        final List<Path> files = new ArrayList<>();
        for (final InstanceLock lock : locks)
        {
            files.add(lock.file());
        }
        return files;
    }

    public void close()
    {
        CloseHelper.closeAll(locks);
        locks.clear();
    }
}
