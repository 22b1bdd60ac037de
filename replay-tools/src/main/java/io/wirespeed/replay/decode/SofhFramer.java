package io.wirespeed.replay.decode;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.ByteOrder;

/**
 * Cuts an in-order iLink 3 TCP stream into SOFH frames, however the segments split them, and finds the next frame
 * boundary again when the stream's alignment is unknown: at a capture that began mid-connection, after a gap, after
 * a framing header that makes no sense.
 * <pre>
 *   frame:  | Message_Length uint16 LE | Encoding_Type 0xCAFE LE | SBE header 8 | message ...
 *           | LL LL                    | FE CA                   | blockLength, templateId, schemaId, version
 *   Message_Length counts the whole frame, these 4 bytes included.
 * </pre>
 * While resynchronising, a position is taken as a frame start when its encoding type is 0xCAFE, its length covers at
 * least the SBE header, and the SBE header names the iLink 3 schema.
 */
final class SofhFramer
{
    /** Hands on frames and what was lost between them. */
    interface Listener
    {
        /**
         * A whole frame, framing header included.
         *
         * @param buffer       holding it; valid during the call only.
         * @param offset       of its framing header.
         * @param length       its Message_Length.
         * @param streamOffset of its first byte in the stream.
         */
        void onFrame(DirectBuffer buffer, int offset, int length, long streamOffset);

        /**
         * A framing header that makes no sense where a frame should start; resynchronisation follows.
         *
         * @param buffer       holding it; valid during the call only.
         * @param offset       of the header.
         * @param available    bytes from the header on.
         * @param streamOffset of the header in the stream.
         */
        void onBadHeader(DirectBuffer buffer, int offset, int available, long streamOffset);

        /**
         * The end of a resynchronisation: a plausible header found after skipping, or none before the stream stopped.
         *
         * @param skippedBytes stream bytes skipped.
         * @param streamOffset of the header found, or of the end of the skipped bytes.
         * @param found        whether a header was found.
         * @param reason       why the alignment was unknown.
         */
        void onResync(long skippedBytes, long streamOffset, boolean found, String reason);

        /**
         * The start of a frame whose rest was lost to a gap, or never came before the capture ended.
         *
         * @param bytes        of the frame that were seen.
         * @param frameLength  its Message_Length, or -1 when its header was cut too.
         * @param streamOffset of its first byte.
         * @param cause        what cut it.
         */
        void onIncompleteFrame(int bytes, int frameLength, long streamOffset, String cause);
    }

    static final int SOFH_LENGTH = 4;
    static final int SBE_HEADER_LENGTH = 8;
    static final int ENCODING_TYPE_SBE_LITTLE_ENDIAN = 0xCAFE;

    private static final int PLAUSIBLE_HEADER_BYTES = SOFH_LENGTH + SBE_HEADER_LENGTH;
    private static final int SCHEMA_ID_OFFSET = SOFH_LENGTH + 4;

    private final int schemaId;
    private final Listener listener;
    private final ExpandableArrayBuffer pending = new ExpandableArrayBuffer(64 * 1024);
    private int start;
    private int end;
    private long startOffset;
    private boolean resyncing;
    private long skipped;
    private String reason;

    /**
     * A framer for one direction of a stream.
     *
     * @param schemaId of the iLink 3 schema, which a plausible header names.
     * @param listener that receives frames.
     */
    SofhFramer(final int schemaId, final Listener listener)
    {
        this.schemaId = schemaId;
        this.listener = listener;
    }

    /**
     * Look for the next plausible framing header before framing again.
     *
     * @param why the alignment is unknown, for the report.
     */
    void resync(final String why)
    {
        resyncing = true;
        reason = why;
    }

    /**
     * Whether the framer is looking for a frame boundary.
     *
     * @return true while resynchronising.
     */
    boolean isResyncing()
    {
        return resyncing;
    }

    /**
     * The stream offset of the next byte expected.
     *
     * @return bytes of the stream seen or lost so far.
     */
    long streamOffset()
    {
        return startOffset + (end - start);
    }

    /**
     * Take the next bytes of the stream.
     *
     * @param buffer holding them.
     * @param offset of the first.
     * @param length how many.
     */
    void onData(final DirectBuffer buffer, final int offset, final int length)
    {
        if (start > 0 && end + length > pending.capacity())
        {
            compact();
        }
        pending.putBytes(end, buffer, offset, length);
        end += length;
        frame();
        if (start == end)
        {
            start = 0;
            end = 0;
        }
    }

    /**
     * Bytes of the stream that will never come: a frame they cut is reported, and framing resynchronises after them.
     *
     * @param bytes how many are missing.
     * @param cause why, for the report.
     */
    void onGap(final long bytes, final String cause)
    {
        final long gapOffset = streamOffset();
        dropPending(cause);
        startOffset += bytes;
        resync("after " + bytes + " missing bytes at stream offset " + gapOffset + " (" + cause + ")");
    }

    /**
     * The stream stops: a frame still open is reported as incomplete, bytes still being skipped as such.
     *
     * @param cause why it stops, for the report.
     */
    void finish(final String cause)
    {
        dropPending(cause);
        if (resyncing && skipped > 0)
        {
            listener.onResync(skipped, startOffset, false, reason + "; " + cause);
            skipped = 0;
        }
    }

    /**
     * Start over for a new connection: offset 0, aligned.
     */
    void reset()
    {
        start = 0;
        end = 0;
        startOffset = 0;
        resyncing = false;
        skipped = 0;
        reason = null;
    }

    private void dropPending(final String cause)
    {
        final int length = end - start;
        if (length > 0)
        {
            if (resyncing)
            {
                skipped += length;
            }
            else
            {
                final int frameLength = length >= SOFH_LENGTH ? messageLength(start) : -1;
                listener.onIncompleteFrame(length, frameLength, startOffset, cause);
            }
            startOffset += length;
        }
        start = 0;
        end = 0;
    }

    private void frame()
    {
        while (true)
        {
            if (resyncing && !findHeader())
            {
                return;
            }

            final int available = end - start;
            if (available < SOFH_LENGTH)
            {
                return;
            }
            final int length = messageLength(start);
            if (ENCODING_TYPE_SBE_LITTLE_ENDIAN != encodingType(start) || length < SOFH_LENGTH)
            {
                listener.onBadHeader(pending, start, available, startOffset);
                advance(1);
                skipped = 1;
                resync("after a bad framing header at stream offset " + (startOffset - 1));
                continue;
            }
            if (length > available)
            {
                return;
            }
            listener.onFrame(pending, start, length, startOffset);
            advance(length);
        }
    }

    private boolean findHeader()
    {
        int position = start;
        while (end - position >= PLAUSIBLE_HEADER_BYTES)
        {
            if (isPlausibleHeader(position))
            {
                final int skip = position - start;
                advance(skip);
                skipped += skip;
                listener.onResync(skipped, startOffset, true, reason);
                resyncing = false;
                skipped = 0;
                return true;
            }
            position++;
        }
        final int skip = Math.max(0, end - start - (PLAUSIBLE_HEADER_BYTES - 1));
        advance(skip);
        skipped += skip;
        return false;
    }

    private boolean isPlausibleHeader(final int position)
    {
        return ENCODING_TYPE_SBE_LITTLE_ENDIAN == encodingType(position) &&
            messageLength(position) >= PLAUSIBLE_HEADER_BYTES &&
            schemaId == (pending.getShort(position + SCHEMA_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
    }

    private int messageLength(final int position)
    {
        return pending.getShort(position, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    private int encodingType(final int position)
    {
        return pending.getShort(position + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    private void advance(final int bytes)
    {
        start += bytes;
        startOffset += bytes;
    }

    private void compact()
    {
        final int length = end - start;
        pending.putBytes(0, pending, start, length);
        start = 0;
        end = length;
    }
}
