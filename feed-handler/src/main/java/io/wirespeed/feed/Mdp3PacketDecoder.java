package io.wirespeed.feed;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderDecoder;
import io.wirespeed.codecs.mdp3.ChannelReset4Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshDailyStatistics49Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshLimitsBanding50Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshSessionStatistics51Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshVolume37Decoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.MessageHeaderDecoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Decoder;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Decoder;
import org.agrona.DirectBuffer;

import java.util.Arrays;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * Validates an MDP 3.0 packet message by message and hands each well-formed message to a {@link Mdp3Listener}.
 * <p>
 * Every length is checked against the packet before a decoder is wrapped, so no read leaves
 * [offset, offset + length) even with Agrona bounds checks off. A bad message size skips the rest of the packet; a
 * bad message (block length, groups, template, schema, version) skips that message only. Each drop is counted, and
 * each message delivered is counted by template.
 * <p>
 * Schema versions follow SBE's rules. A newer version than the schema's is decoded by the block lengths in its
 * message and group headers: fields appended to a block and groups appended after the known ones are skipped. An
 * older version is decoded with its shorter blocks, its decoders wrapped with that acting version so fields added since
 * read as null. The block a template needs is the same at every version from its first here (no field of this subset
 * was added after its message), so the minimum block lengths hold for every accepted version. Refused: a schema id
 * other than 1, and a version older than the template's first (its sinceVersion: 9 for the book, trade, statistics,
 * snapshot and definition templates, 2 for SecurityStatus30 and Volume37, 0 for ChannelReset4 and the heartbeat).
 * <pre>
 *   packet:  BinaryPacketHeader (12) | MsgSize (2) messageHeader (8) block groups... | MsgSize ...
 *   group:   groupSize (blockLength u16, numInGroup u8; 3 bytes) or
 *            groupSize8Byte (blockLength u16, numInGroup u8 at 7; 8 bytes), then numInGroup blocks
 * </pre>
 */
public final class Mdp3PacketDecoder
{
    /** Length of the binary packet header. */
    public static final int PACKET_HEADER_LENGTH = BinaryPacketHeaderDecoder.ENCODED_LENGTH;

    /** Length of the message size field. */
    public static final int MESSAGE_SIZE_LENGTH = 2;

    /** Outcome: the packet is shorter than its header; nothing was decoded. */
    public static final int TRUNCATED = -1;

    private static final int SCHEMA_ID = MessageHeaderDecoder.SCHEMA_ID;
    private static final int SCHEMA_VERSION = MessageHeaderDecoder.SCHEMA_VERSION;
    private static final int UNKNOWN = -1;
    private static final int MESSAGE_HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int MAX_TEMPLATE_ID = 54;
    private static final int GROUP_SIZE = 3;
    private static final int GROUP_SIZE_8 = 8;

    private static final int[] MIN_BLOCK_LENGTH = new int[MAX_TEMPLATE_ID + 1];
    private static final int[] FIRST_VERSION = new int[MAX_TEMPLATE_ID + 1];
    private static final FeedCounter[] DECODED = new FeedCounter[MAX_TEMPLATE_ID + 1];
    private static final int[][] GROUP_HEADER_LENGTHS = new int[MAX_TEMPLATE_ID + 1][];
    private static final int[][] GROUP_MIN_BLOCK_LENGTHS = new int[MAX_TEMPLATE_ID + 1][];

    static
    {
        Arrays.fill(MIN_BLOCK_LENGTH, UNKNOWN);
        final int[] noGroups = new int[0];
        template(4, 0, FeedCounter.DECODED_CHANNEL_RESET_4, 9, new int[]{ GROUP_SIZE }, new int[]{ 2 });
        template(12, 0, FeedCounter.DECODED_HEARTBEAT_12, 0, noGroups, noGroups);
        template(30, 2, FeedCounter.DECODED_SECURITY_STATUS_30, 30, noGroups, noGroups);
        template(37, 2, FeedCounter.DECODED_VOLUME_37, 11, new int[]{ GROUP_SIZE }, new int[]{ 16 });
        template(46, 9, FeedCounter.DECODED_BOOK_46, 11, new int[]{ GROUP_SIZE, GROUP_SIZE_8 }, new int[]{ 32, 24 });
        template(47, 9, FeedCounter.DECODED_ORDER_BOOK_47, 11, new int[]{ GROUP_SIZE }, new int[]{ 40 });
        template(48, 9, FeedCounter.DECODED_TRADE_SUMMARY_48, 11, new int[]{ GROUP_SIZE, GROUP_SIZE_8 },
            new int[]{ 32, 16 });
        template(49, 9, FeedCounter.DECODED_DAILY_STATISTICS_49, 11, new int[]{ GROUP_SIZE }, new int[]{ 32 });
        template(50, 9, FeedCounter.DECODED_LIMITS_BANDING_50, 11, new int[]{ GROUP_SIZE }, new int[]{ 32 });
        template(51, 9, FeedCounter.DECODED_SESSION_STATISTICS_51, 11, new int[]{ GROUP_SIZE }, new int[]{ 24 });
        template(52, 9, FeedCounter.DECODED_SNAPSHOT_52, 59, new int[]{ GROUP_SIZE }, new int[]{ 22 });
        template(53, 9, FeedCounter.DECODED_SNAPSHOT_ORDER_BOOK_53, 28, new int[]{ GROUP_SIZE }, new int[]{ 29 });
        template(54, 9, FeedCounter.DECODED_DEFINITION_54, 216,
            new int[]{ GROUP_SIZE, GROUP_SIZE, GROUP_SIZE, GROUP_SIZE }, new int[]{ 9, 4, 4, 5 });
    }

    private final BinaryPacketHeaderDecoder packetHeader = new BinaryPacketHeaderDecoder();
    private final ChannelReset4Decoder channelReset = new ChannelReset4Decoder();
    private final MDIncrementalRefreshBook46Decoder book = new MDIncrementalRefreshBook46Decoder();
    private final MDIncrementalRefreshTradeSummary48Decoder trades = new MDIncrementalRefreshTradeSummary48Decoder();
    private final MDIncrementalRefreshVolume37Decoder volume = new MDIncrementalRefreshVolume37Decoder();
    private final MDIncrementalRefreshDailyStatistics49Decoder dailyStatistics =
        new MDIncrementalRefreshDailyStatistics49Decoder();
    private final MDIncrementalRefreshLimitsBanding50Decoder limitsBanding =
        new MDIncrementalRefreshLimitsBanding50Decoder();
    private final MDIncrementalRefreshSessionStatistics51Decoder sessionStatistics =
        new MDIncrementalRefreshSessionStatistics51Decoder();
    private final SecurityStatus30Decoder securityStatus = new SecurityStatus30Decoder();
    private final SnapshotFullRefresh52Decoder snapshot = new SnapshotFullRefresh52Decoder();
    private final MDInstrumentDefinitionFuture54Decoder definition = new MDInstrumentDefinitionFuture54Decoder();
    private final ChannelCounters counters;
    private boolean counting = true;
    private long msgSeqNum;
    private long sendingTimeNs;

    /**
     * A decoder counting drops in a channel's counters.
     *
     * @param counters where drops are counted.
     */
    public Mdp3PacketDecoder(final ChannelCounters counters)
    {
        this.counters = counters;
    }

    /**
     * Whether drops are counted; off while re-reading packets already counted once.
     *
     * @param counting true to count.
     */
    public void counting(final boolean counting)
    {
        this.counting = counting;
    }

    /**
     * Read only the packet header.
     *
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @param length of the packet.
     * @return false (and counted) when the packet is shorter than its header.
     */
    public boolean readHeader(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < PACKET_HEADER_LENGTH)
        {
            count(FeedCounter.MALFORMED_TRUNCATED_PACKET);
            return false;
        }
        packetHeader.wrap(buffer, offset);
        msgSeqNum = packetHeader.msgSeqNum();
        sendingTimeNs = packetHeader.sendingTime();
        return true;
    }

    /**
     * MsgSeqNum of the packet last read.
     *
     * @return MsgSeqNum.
     */
    public long msgSeqNum()
    {
        return msgSeqNum;
    }

    /**
     * SendingTime of the packet last read.
     *
     * @return SendingTime, epoch ns.
     */
    public long sendingTimeNs()
    {
        return sendingTimeNs;
    }

    /**
     * Validate a packet and deliver its well-formed messages.
     *
     * @param buffer   holding the packet.
     * @param offset   of the packet.
     * @param length   of the packet.
     * @param listener receives the messages.
     * @return messages delivered, or {@link #TRUNCATED}.
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length, final Mdp3Listener listener)
    {
        if (!readHeader(buffer, offset, length))
        {
            return TRUNCATED;
        }
        final int end = offset + length;
        int position = offset + PACKET_HEADER_LENGTH;
        int delivered = 0;
        while (position < end)
        {
            final int remaining = end - position;
            if (remaining < MESSAGE_SIZE_LENGTH)
            {
                count(FeedCounter.MALFORMED_MESSAGE_SIZE);
                break;
            }
            final int messageSize = buffer.getShort(position, LITTLE_ENDIAN) & 0xFFFF;
            if (messageSize < MESSAGE_SIZE_LENGTH + MESSAGE_HEADER_LENGTH)
            {
                count(FeedCounter.MALFORMED_MESSAGE_SIZE);
                break;
            }
            if (messageSize > remaining)
            {
                count(FeedCounter.MALFORMED_MESSAGE_PAST_END);
                break;
            }
            if (onMessage(buffer, position + MESSAGE_SIZE_LENGTH, messageSize - MESSAGE_SIZE_LENGTH, listener))
            {
                delivered++;
            }
            position += messageSize;
        }
        return delivered;
    }

    private boolean onMessage(
        final DirectBuffer buffer, final int headerOffset, final int messageLength, final Mdp3Listener listener)
    {
        final int blockLength = buffer.getShort(headerOffset, LITTLE_ENDIAN) & 0xFFFF;
        final int templateId = buffer.getShort(headerOffset + 2, LITTLE_ENDIAN) & 0xFFFF;
        final int schemaId = buffer.getShort(headerOffset + 4, LITTLE_ENDIAN) & 0xFFFF;
        final int version = buffer.getShort(headerOffset + 6, LITTLE_ENDIAN) & 0xFFFF;
        if (SCHEMA_ID != schemaId)
        {
            count(FeedCounter.MALFORMED_WRONG_SCHEMA);
            return false;
        }
        if (templateId > MAX_TEMPLATE_ID || UNKNOWN == MIN_BLOCK_LENGTH[templateId])
        {
            count(FeedCounter.MALFORMED_UNKNOWN_TEMPLATE);
            return false;
        }
        if (version < FIRST_VERSION[templateId])
        {
            count(FeedCounter.MALFORMED_VERSION_TOO_OLD);
            return false;
        }
        if (blockLength < MIN_BLOCK_LENGTH[templateId])
        {
            count(FeedCounter.MALFORMED_BLOCK_LENGTH_SHORT);
            return false;
        }
        final int bodyOffset = headerOffset + MESSAGE_HEADER_LENGTH;
        final int end = headerOffset + messageLength;
        if (blockLength > end - bodyOffset)
        {
            count(FeedCounter.MALFORMED_BLOCK_PAST_END);
            return false;
        }
        if (!groupsValid(buffer, bodyOffset + blockLength, end, templateId))
        {
            return false;
        }
        count(DECODED[templateId]);
        if (SCHEMA_VERSION != version)
        {
            count(version > SCHEMA_VERSION ? FeedCounter.NEWER_VERSION_MESSAGES : FeedCounter.OLDER_VERSION_MESSAGES);
        }
        dispatch(buffer, bodyOffset, blockLength, version, templateId, listener);
        return true;
    }

    private boolean groupsValid(final DirectBuffer buffer, final int groupsOffset, final int end, final int templateId)
    {
        final int[] headerLengths = GROUP_HEADER_LENGTHS[templateId];
        final int[] minBlockLengths = GROUP_MIN_BLOCK_LENGTHS[templateId];
        int position = groupsOffset;
        for (int i = 0; i < headerLengths.length; i++)
        {
            final int headerLength = headerLengths[i];
            if (end - position < headerLength)
            {
                count(FeedCounter.MALFORMED_GROUP_PAST_END);
                return false;
            }
            final int blockLength = buffer.getShort(position, LITTLE_ENDIAN) & 0xFFFF;
            final int numInGroup = buffer.getByte(position + headerLength - 1) & 0xFF;
            if (0 == blockLength)
            {
                count(FeedCounter.MALFORMED_GROUP_ZERO_BLOCK_LENGTH);
                return false;
            }
            if (blockLength < minBlockLengths[i])
            {
                count(FeedCounter.MALFORMED_GROUP_BLOCK_LENGTH);
                return false;
            }
            position += headerLength;
            if ((long)numInGroup * blockLength > end - position)
            {
                count(FeedCounter.MALFORMED_GROUP_PAST_END);
                return false;
            }
            position += numInGroup * blockLength;
        }
        return true;
    }

    private void dispatch(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final int templateId,
        final Mdp3Listener listener)
    {
        switch (templateId)
        {
            case 4:
                listener.onChannelReset(channelReset.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 30:
                listener.onSecurityStatus(securityStatus.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 37:
                listener.onVolume(volume.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 46:
                listener.onBook(book.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 48:
                listener.onTrades(trades.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 49:
                listener.onDailyStatistics(dailyStatistics.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 50:
                listener.onLimitsBanding(limitsBanding.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 51:
                listener.onSessionStatistics(sessionStatistics.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 52:
                listener.onSnapshot(snapshot.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case 54:
                listener.onDefinition(definition.wrap(buffer, bodyOffset, blockLength, version));
                break;
            default:
                // 12 (heartbeat) has no body; 47 and 53 (market by order) are counted as decoded, not applied
                break;
        }
    }

    private void count(final FeedCounter counter)
    {
        if (counting)
        {
            counters.increment(counter);
        }
    }

    private static void template(
        final int templateId,
        final int firstVersion,
        final FeedCounter decoded,
        final int minBlockLength,
        final int[] headerLengths,
        final int[] minGroupBlockLengths)
    {
        FIRST_VERSION[templateId] = firstVersion;
        DECODED[templateId] = decoded;
        MIN_BLOCK_LENGTH[templateId] = minBlockLength;
        GROUP_HEADER_LENGTHS[templateId] = headerLengths;
        GROUP_MIN_BLOCK_LENGTHS[templateId] = minGroupBlockLengths;
    }
}
