package io.wirespeed.replay;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Receives every normalized message the feed handler publishes, in order, counts them per instrument and, when asked,
 * writes them to the determinism output file.
 * <p>
 * <b>Output file format.</b> A sequence of records, nothing else: each a 4-byte little-endian length, then that many
 * bytes, the message exactly as published (SBE message header and body of schema {@code wirespeed.xml}). Two replays
 * of the same input compare byte for byte ({@code cmp}).
 */
public final class MarketDataRecorder implements FragmentHandler, AutoCloseable
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final Int2ObjectHashMap<long[]> countsBySecurityId = new Int2ObjectHashMap<>();
    private final OutputStream output;
    private byte[] scratch = new byte[4096];
    private long messages;

    /**
     * A recorder.
     *
     * @param outputFile where to write the messages, or null for counting only.
     */
    public MarketDataRecorder(final Path outputFile)
    {
        try
        {
            output = null == outputFile ? null : new BufferedOutputStream(Files.newOutputStream(outputFile), 1 << 20);
        }
        catch (final IOException ex)
        {
            throw ReplayException.refused("--output " + outputFile + ": cannot write (" + ex.getMessage() + ")");
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header aeronHeader)
    {
        messages++;
        if (length >= MessageHeaderDecoder.ENCODED_LENGTH + Integer.BYTES)
        {
            header.wrap(buffer, offset);
            final int templateId = header.templateId();
            final int securityId = buffer.getInt(offset + MessageHeaderDecoder.ENCODED_LENGTH,
                java.nio.ByteOrder.LITTLE_ENDIAN);
            final int kind = kind(templateId);
            if (kind >= 0 && 0 != securityId)
            {
                long[] counts = countsBySecurityId.get(securityId);
                if (null == counts)
                {
                    counts = new long[3];
                    countsBySecurityId.put(securityId, counts);
                }
                counts[kind]++;
            }
        }
        if (null != output)
        {
            if (scratch.length < length + Integer.BYTES)
            {
                scratch = Arrays.copyOf(scratch, length + Integer.BYTES);
            }
            scratch[0] = (byte)length;
            scratch[1] = (byte)(length >>> 8);
            scratch[2] = (byte)(length >>> 16);
            scratch[3] = (byte)(length >>> 24);
            buffer.getBytes(offset, scratch, Integer.BYTES, length);
            try
            {
                output.write(scratch, 0, length + Integer.BYTES);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /**
     * Messages received.
     *
     * @return the count.
     */
    public long messages()
    {
        return messages;
    }

    /**
     * Book updates, trades and statistics published for an instrument.
     *
     * @param securityId the instrument.
     * @return {book updates, trades, statistics}.
     */
    public long[] counts(final int securityId)
    {
        final long[] counts = countsBySecurityId.get(securityId);
        return null == counts ? new long[3] : counts.clone();
    }

    /**
     * Flush and close the output file.
     */
    public void close()
    {
        if (null != output)
        {
            try
            {
                output.close();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private static int kind(final int templateId)
    {
        switch (templateId)
        {
            case BookUpdateDecoder.TEMPLATE_ID:
                return 0;
            case TradeDecoder.TEMPLATE_ID:
                return 1;
            case StatisticDecoder.TEMPLATE_ID:
                return 2;
            default:
                return -1;
        }
    }
}
