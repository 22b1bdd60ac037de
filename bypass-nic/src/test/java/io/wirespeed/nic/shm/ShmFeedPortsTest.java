package io.wirespeed.nic.shm;

import io.wirespeed.config.FeedName;
import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class ShmFeedPortsTest
{
    @TempDir
    Path dir;

    @Test
    void eachFeedHasItsOwnWireBetweenVenueAndAppliance()
    {
        final ShmNicContext base = new ShmNicContext().path(dir.resolve("nic")).ringCapacity(64)
            .frameSizeBytes(2048).frameCount(256);
        base.conclude();
        final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
        try (CountersFile counters = CountersFile.create(dir.resolve("counters"), 512))
        {
            exchangeOneFramePerFeed(base, clock, counters);
        }
    }

    private static void exchangeOneFramePerFeed(
        final ShmNicContext base, final OffsetEpochNanoClock clock, final CountersFile counters)
    {
        ShmNicPort[] venue = null;
        ShmNicPort[] appliance = null;
        try
        {
            venue = ShmFeedPorts.create(base, 310, counters, clock);
            appliance = ShmFeedPorts.attach(base, 310, counters, clock);
            assertEquals(FeedName.values().length, venue.length);

            final FrameClaim claim = new FrameClaim();
            for (int i = 0; i < venue.length; i++)
            {
                assertTrue(venue[i].txQueue(0).tryClaim(8, claim));
                claim.buffer().putLong(claim.offset(), i);
                venue[i].txQueue(0).commit();
            }
            for (int i = 0; i < appliance.length; i++)
            {
                final long[] received = { -1 };
                assertEquals(1, appliance[i].rxQueue(0).poll((b, o, l, t) -> received[0] = b.getLong(o), 10));
                assertEquals(i, received[0], FeedName.values()[i].text());
                assertTrue(appliance[i].path().toString().endsWith("nic-310-" + FeedName.values()[i].text()));
            }
        }
        finally
        {
            CloseHelper.closeAll(appliance);
            CloseHelper.closeAll(venue);
        }
    }
}
