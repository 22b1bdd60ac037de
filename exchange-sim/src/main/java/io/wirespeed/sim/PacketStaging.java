package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderEncoder;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Incremental packets built for one schedule slot or command, held until every feed has taken them, each numbered
 * from the channel's MsgSeqNum sequence as it is opened.
 * <pre>
 *   buffer: | packet 0: BinaryPacketHeader, (MessageSize, message)... | packet 1 ... |
 * </pre>
 */
final class PacketStaging
{
    private final UnsafeBuffer buffer;
    private final int maxPayload;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] seqNums;
    private final BinaryPacketHeaderEncoder header = new BinaryPacketHeaderEncoder();
    private int count;
    private int sent;
    private int position;
    private int packetStart = -1;
    private long lastSeqNum;
    private long sendingTimeNs;

    PacketStaging(final int maxPayload, final int maxPackets)
    {
        this.maxPayload = maxPayload;
        this.buffer = new UnsafeBuffer(new byte[maxPayload * maxPackets]);
        this.offsets = new int[maxPackets];
        this.lengths = new int[maxPackets];
        this.seqNums = new long[maxPackets];
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * The time of an event about to be written, which is also the SendingTime of packets opened from now on: never
     * earlier than any before it, and a later time closes the open packet so that no message's TransactTime comes
     * after its packet's SendingTime.
     *
     * @return the event's time: {@code timeNs}, or the latest time so far when that is later.
     */
    long eventTime(final long timeNs)
    {
        if (timeNs - sendingTimeNs > 0)
        {
            endPacket();
            sendingTimeNs = timeNs;
        }
        return sendingTimeNs;
    }


    /**
     * Make room for a message of {@code length} bytes (its MessageSize included), opening a packet when none is open
     * or the open one lacks room.
     *
     * @return the offset at which to write the message's MessageSize.
     */
    int claimMessage(final int length)
    {
        if (packetStart >= 0 && position + length - packetStart > maxPayload)
        {
            endPacket();
        }
        if (packetStart < 0)
        {
            if (count == offsets.length || buffer.capacity() - position < maxPayload)
            {
                throw new IllegalStateException("packet staging overflow: " + count + " packets");
            }
            packetStart = position;
            header.wrap(buffer, position).msgSeqNum(++lastSeqNum).sendingTime(sendingTimeNs);
            position += BinaryPacketHeaderEncoder.ENCODED_LENGTH;
        }
        return position;
    }

    /**
     * Room left in the open packet for messages, or a whole packet's room when none is open.
     */
    int room()
    {
        return packetStart < 0 ?
            maxPayload - BinaryPacketHeaderEncoder.ENCODED_LENGTH : maxPayload - (position - packetStart);
    }

    int maxMessageLength()
    {
        return maxPayload - BinaryPacketHeaderEncoder.ENCODED_LENGTH;
    }

    /**
     * The message at the offset {@link #claimMessage} gave is written: stamp its MessageSize.
     */
    void commitMessage(final int length)
    {
        buffer.putShort(position, (short)length, MessageSizeEncoder.BYTE_ORDER);
        position += length;
    }

    void endPacket()
    {
        if (packetStart >= 0)
        {
            offsets[count] = packetStart;
            lengths[count] = position - packetStart;
            seqNums[count] = lastSeqNum;
            count++;
            packetStart = -1;
        }
    }

    /**
     * Packets that can still be opened before the staging area is full.
     */
    int freePackets()
    {
        final int free = Math.min(offsets.length - count, (buffer.capacity() - position) / maxPayload);
        return packetStart < 0 ? free : free - 1;
    }

    boolean isEmpty()
    {
        return sent == count && packetStart < 0;
    }

    boolean hasUnsent()
    {
        return sent < count;
    }

    int nextOffset()
    {
        return offsets[sent];
    }

    int nextLength()
    {
        return lengths[sent];
    }

    long nextSeqNum()
    {
        return seqNums[sent];
    }

    void markSent()
    {
        sent++;
        if (sent == count && packetStart < 0)
        {
            sent = 0;
            count = 0;
            position = 0;
        }
    }

    long lastSeqNum()
    {
        return lastSeqNum;
    }
}
