package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * Commands to a simulator from any thread, queued in a many-to-one ring and handled on its duty cycle.
 */
final class SimCommands implements MessageHandler
{
    /**
     * Handles the commands on the simulator's thread.
     */
    interface Handler
    {
        void onChannelReset();

        void onTradingStatus(int securityId, SecurityTradingStatus status, HaltReason haltReason);
    }

    private static final int CHANNEL_RESET = 1;
    private static final int TRADING_STATUS = 2;
    private static final int LENGTH = 8;
    private static final int BUFFER_LENGTH = 64 * 1024;

    private final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect(BUFFER_LENGTH + RingBufferDescriptor.TRAILER_LENGTH)));
    private final Handler handler;

    SimCommands(final Handler handler)
    {
        this.handler = handler;
    }

    boolean offerChannelReset()
    {
        return offer(CHANNEL_RESET, 0, SecurityTradingStatus.NULL_VAL, HaltReason.NULL_VAL);
    }

    boolean offerTradingStatus(final int securityId, final SecurityTradingStatus status, final HaltReason haltReason)
    {
        return offer(TRADING_STATUS, securityId, status, haltReason);
    }

    /**
     * Handle at most a number of waiting commands.
     *
     * @return commands handled.
     */
    int read(final int limit)
    {
        return ring.read(this, limit);
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (CHANNEL_RESET == type)
        {
            handler.onChannelReset();
        }
        else if (TRADING_STATUS == type)
        {
            handler.onTradingStatus(buffer.getInt(index),
                SecurityTradingStatus.get((short)(buffer.getByte(index + 4) & 0xFF)),
                HaltReason.get((short)(buffer.getByte(index + 5) & 0xFF)));
        }
    }

    private boolean offer(
        final int type, final int securityId, final SecurityTradingStatus status, final HaltReason haltReason)
    {
        final int index = ring.tryClaim(type, LENGTH);
        if (index <= 0)
        {
            return false;
        }
        final MutableDirectBuffer buffer = ring.buffer();
        buffer.putInt(index, securityId);
        buffer.putByte(index + 4, (byte)status.value());
        buffer.putByte(index + 5, (byte)haltReason.value());
        ring.commit(index);
        return true;
    }
}
