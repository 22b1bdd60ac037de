package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.sim.venue.VenueApplication;
import io.wirespeed.sim.venue.VenueOutbound;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A test venue application that answers nothing on its own: it keeps a copy of every business message it is given,
 * and the test answers through {@link VenueReports} as the script requires.
 */
final class ScriptedApplication implements VenueApplication
{
    /**
     * One message as the venue received it.
     */
    static final class Received
    {
        final int templateId;
        final long seqNum;
        final UnsafeBuffer message;

        Received(final int templateId, final long seqNum, final UnsafeBuffer message)
        {
            this.templateId = templateId;
            this.seqNum = seqNum;
            this.message = message;
        }

        /**
         * The message body, after the SBE message header.
         */
        int body()
        {
            return MessageHeaderDecoder.ENCODED_LENGTH;
        }
    }

    final List<Received> received = new ArrayList<>();
    int disconnects;

    public void onBusinessMessage(
        final int templateId,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long seqNum,
        final VenueOutbound outbound)
    {
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
        copy.putBytes(0, buffer, offset, length);
        received.add(new Received(templateId, seqNum, copy));
    }

    public void onSessionDisconnected(final long uuid, final VenueOutbound outbound)
    {
        disconnects++;
    }

    public int doWork(final long nowNs)
    {
        return 0;
    }

    Received last()
    {
        return received.get(received.size() - 1);
    }
}
