package io.wirespeed.replay.decode;

import io.wirespeed.codecs.ilink3.FTI;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.Sequence506Encoder;
import io.wirespeed.codecs.ilink3.SplitMsg;
import io.wirespeed.codecs.ilink3.Terminate507Encoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * iLink 3 frames for tests: messages encoded with the generated codecs, the framing header written byte by byte from
 * CME's documentation (Message_Length little-endian, counting the header; then FE CA).
 */
final class Ilink3Frames
{
    static final long UUID = 0x1122_3344_5566_7788L;

    private Ilink3Frames()
    {
    }

    /**
     * A Sequence506 frame (26 bytes) whose NextSeqNo is {@code nextSeqNo}.
     */
    static byte[] sequence(final long nextSeqNo)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final Sequence506Encoder encoder = new Sequence506Encoder()
            .wrapAndApplyHeader(buffer, 4, new MessageHeaderEncoder())
            .uUID(UUID)
            .nextSeqNo(nextSeqNo)
            .faultToleranceIndicator(FTI.Primary)
            .keepAliveIntervalLapsed(KeepAliveLapsed.NotLapsed);
        return frame(buffer, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    /**
     * A Terminate507 frame (79 bytes) whose ErrorCodes is {@code errorCode}.
     */
    static byte[] terminate(final int errorCode)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final Terminate507Encoder encoder = new Terminate507Encoder()
            .wrapAndApplyHeader(buffer, 4, new MessageHeaderEncoder())
            .reason("test")
            .uUID(UUID)
            .requestTimestamp(1_700_000_000_000_000_000L)
            .errorCodes(errorCode)
            .splitMsg(SplitMsg.NULL_VAL);
        return frame(buffer, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    /**
     * Frames alternating Sequence506 (NextSeqNo = i) and, every third, Terminate507 (ErrorCodes = i), back to back.
     */
    static byte[] stream(final int first, final int count)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = first; i < first + count; i++)
        {
            out.writeBytes(0 == i % 3 ? terminate(i) : sequence(i));
        }
        return out.toByteArray();
    }

    /**
     * What the printed frame number {@code i} of {@link #stream(int, int)} contains, to check order.
     */
    static String marker(final int i)
    {
        return 0 == i % 3 ? "Terminate507 [8:507 v5] {" : "Sequence506 [8:506 v5] {UUID=" + UUID + ", NextSeqNo=" +
            i + ",";
    }

    /**
     * The field that tells frame {@code i} of {@link #stream(int, int)} apart, in the printer's text.
     */
    static String field(final int i)
    {
        return 0 == i % 3 ? "ErrorCodes=" + i + "," : "NextSeqNo=" + i + ",";
    }

    static byte[] slice(final byte[] bytes, final int from, final int to)
    {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] frame(final UnsafeBuffer buffer, final int messageLength)
    {
        final int length = 4 + messageLength;
        final byte[] frame = Arrays.copyOf(buffer.byteArray(), length);
        frame[0] = (byte)(length & 0xFF);
        frame[1] = (byte)(length >>> 8);
        frame[2] = (byte)0xFE;
        frame[3] = (byte)0xCA;
        return frame;
    }
}
