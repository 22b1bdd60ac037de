package io.wirespeed.sim;

import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.sim.venue.VenueOutbound;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A client session's outbound side for tests: numbers what is committed and, unless told not to, keeps a copy.
 */
final class RecordingOutbound implements VenueOutbound
{
    final long uuid;
    final List<UnsafeBuffer> messages = new ArrayList<>();
    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    boolean record = true;
    long nextSeqNum = 1;
    long commits;

    RecordingOutbound(final long uuid)
    {
        this.uuid = uuid;
    }

    public long clientId()
    {
        return uuid;
    }

    public long uuid()
    {
        return uuid;
    }

    public long nextSeqNum()
    {
        return nextSeqNum;
    }

    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    public int offset()
    {
        return 16;
    }

    public void commit(final int length)
    {
        if (record)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(16, copy);
            messages.add(new UnsafeBuffer(copy));
        }
        nextSeqNum++;
        commits++;
    }

    int templateId(final int index)
    {
        return new MessageHeaderDecoder().wrap(messages.get(index), 0).templateId();
    }

    List<Integer> templateIds()
    {
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++)
        {
            ids.add(templateId(i));
        }
        return ids;
    }

    UnsafeBuffer last()
    {
        return messages.get(messages.size() - 1);
    }

    void clear()
    {
        messages.clear();
    }
}
