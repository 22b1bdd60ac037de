package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.gateway.transport.FrameHandler;
import io.wirespeed.gateway.transport.VenueTransport;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A venue transport without sockets: connects at once, records what the session writes and delivers the frames the
 * test queues, so the session's timers and handshake can be driven by hand.
 */
final class ScriptedTransport implements VenueTransport
{
    final List<UnsafeBuffer> written = new ArrayList<>();
    final ArrayDeque<UnsafeBuffer> inbound = new ArrayDeque<>();
    int connects;
    boolean connected;
    long framingErrors;
    String disconnectDetail = "";
    int refuseWith = OK;

    public boolean connect(final String host, final int port, final long nowNs)
    {
        connects++;
        connected = true;
        return true;
    }

    public boolean isConnecting()
    {
        return false;
    }

    public boolean isConnected()
    {
        return connected;
    }

    public int poll(final FrameHandler handler, final long nowNs)
    {
        int frames = 0;
        while (connected && !inbound.isEmpty())
        {
            final UnsafeBuffer frame = inbound.poll();
            handler.onFrame(frame, 0, frame.capacity(), nowNs);
            frames++;
        }
        return frames;
    }

    public int write(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!connected)
        {
            return NOT_CONNECTED;
        }
        if (OK != refuseWith)
        {
            return refuseWith;
        }
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
        copy.putBytes(0, buffer, offset, length);
        written.add(copy);
        return OK;
    }

    public int pendingBytes()
    {
        return 0;
    }

    public long framingErrors()
    {
        return framingErrors;
    }

    public String disconnectDetail()
    {
        return disconnectDetail;
    }

    public void close()
    {
        connected = false;
        inbound.clear();
    }

    void deliver(final DirectBuffer buffer, final int length)
    {
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
        copy.putBytes(0, buffer, 0, length);
        inbound.add(copy);
    }

    int lastTemplateId()
    {
        return written.isEmpty() ? -1 : templateId(written.get(written.size() - 1));
    }

    /**
     * The messages written of one template, in order.
     */
    List<UnsafeBuffer> written(final int templateId)
    {
        final List<UnsafeBuffer> messages = new ArrayList<>();
        for (final UnsafeBuffer message : written)
        {
            if (templateId(message) == templateId)
            {
                messages.add(message);
            }
        }
        return messages;
    }

    List<Integer> templateIds()
    {
        final List<Integer> ids = new ArrayList<>();
        for (final UnsafeBuffer message : written)
        {
            ids.add(templateId(message));
        }
        return ids;
    }

    static int templateId(final DirectBuffer message)
    {
        return new MessageHeaderDecoder().wrap(message, 0).templateId();
    }
}
