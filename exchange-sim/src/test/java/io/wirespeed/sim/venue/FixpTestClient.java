package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.Establish503Encoder;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.Negotiate500Encoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Encoder;
import io.wirespeed.codecs.ilink3.OrderTypeReq;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;
import io.wirespeed.codecs.ilink3.RetransmitRequest508Encoder;
import io.wirespeed.codecs.ilink3.Sequence506Encoder;
import io.wirespeed.codecs.ilink3.Terminate507Encoder;
import io.wirespeed.codecs.ilink3.FTI;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A FIXP client for the venue's tests, written here from CME's documentation and sharing nothing with the venue's
 * own session code: it frames with a hand-written little-endian SOFH, signs with the JDK's HMAC over the canonical
 * request as CME defines it, and collects every frame the venue sends.
 */
final class FixpTestClient implements AutoCloseable
{
    static final String SESSION = "ABC";
    static final String FIRM = "F1";
    static final String KEY_ID = "KEY1";

    final List<UnsafeBuffer> received = new ArrayList<>();
    final List<byte[]> frames = new ArrayList<>();
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final byte[] secret;
    private boolean closedByPeer;

    FixpTestClient(final int port, final String base64UrlSecret)
    {
        secret = Base64.getUrlDecoder().decode(base64UrlSecret);
        try
        {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * HMAC-SHA256 as CME specifies it: the canonical request (fields joined by '\n', no trailing newline) signed
     * with the base64url-decoded secret.
     */
    byte[] sign(final String canonical)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(canonical.getBytes(StandardCharsets.US_ASCII));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    void negotiate(final long uuid, final long requestTimestamp)
    {
        final byte[] signature = sign(requestTimestamp + "\n" + uuid + "\n" + SESSION + "\n" + FIRM);
        final Negotiate500Encoder e = new Negotiate500Encoder().wrapAndApplyHeader(message, 0, header);
        e.putHMACSignature(signature, 0).accessKeyID(KEY_ID).uUID(uuid).requestTimestamp(requestTimestamp)
            .session(SESSION).firm(FIRM);
        e.putCredentials(new byte[0], 0, 0);
        send(message, 0, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    void establish(final long uuid, final long requestTimestamp, final long nextSeqNo, final int keepAliveMs)
    {
        final String canonical = requestTimestamp + "\n" + uuid + "\n" + SESSION + "\n" + FIRM + "\n" +
            "TESTCLIENT\n1.0\nTEST\n" + nextSeqNo + "\n" + keepAliveMs;
        final Establish503Encoder e = new Establish503Encoder().wrapAndApplyHeader(message, 0, header);
        e.putHMACSignature(sign(canonical), 0).accessKeyID(KEY_ID).tradingSystemName("TESTCLIENT")
            .tradingSystemVersion("1.0").tradingSystemVendor("TEST").uUID(uuid).requestTimestamp(requestTimestamp)
            .nextSeqNo(nextSeqNo).session(SESSION).firm(FIRM).keepAliveInterval(keepAliveMs);
        e.putCredentials(new byte[0], 0, 0);
        send(message, 0, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    void sequence(final long uuid, final long nextSeqNo, final boolean lapsed)
    {
        new Sequence506Encoder().wrapAndApplyHeader(message, 0, header).uUID(uuid).nextSeqNo(nextSeqNo)
            .faultToleranceIndicator(FTI.Primary)
            .keepAliveIntervalLapsed(lapsed ? KeepAliveLapsed.Lapsed : KeepAliveLapsed.NotLapsed);
        send(message, 0, MessageHeaderEncoder.ENCODED_LENGTH + Sequence506Encoder.BLOCK_LENGTH);
    }

    void retransmitRequest(
        final long uuid, final long lastUuid, final long requestTimestamp, final long fromSeqNo, final int msgCount)
    {
        new RetransmitRequest508Encoder().wrapAndApplyHeader(message, 0, header).uUID(uuid).lastUUID(lastUuid)
            .requestTimestamp(requestTimestamp).fromSeqNo(fromSeqNo).msgCount(msgCount);
        send(message, 0, MessageHeaderEncoder.ENCODED_LENGTH + RetransmitRequest508Encoder.BLOCK_LENGTH);
    }

    /**
     * A limit buy NewOrderSingle with a given SeqNum and a decimal ClOrdID.
     */
    void newOrder(final long seqNum, final long clOrdId, final int securityId, final long price, final long qty)
    {
        final NewOrderSingle514Encoder e = new NewOrderSingle514Encoder().wrapAndApplyHeader(message, 0, header);
        e.price().mantissa(price);
        e.orderQty(qty).securityID(securityId).side(SideReq.Buy).seqNum(seqNum).senderID("TRADER1")
            .clOrdID(Long.toString(clOrdId)).partyDetailsListReqID(7).orderRequestID(clOrdId).sendingTimeEpoch(0)
            .location("US,IL");
        e.stopPx().mantissa(Long.MAX_VALUE);
        e.minQty(0xFFFF_FFFFL).displayQty(0xFFFF_FFFFL).expireDate(0xFFFF).ordType(OrderTypeReq.Limit)
            .timeInForce(TimeInForce.Day).manualOrderIndicator(ManualOrdIndReq.Automated);
        send(message, 0, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    void terminate(final long uuid, final long requestTimestamp)
    {
        new Terminate507Encoder().wrapAndApplyHeader(message, 0, header).reason("bye").uUID(uuid)
            .requestTimestamp(requestTimestamp).errorCodes(0);
        send(message, 0, MessageHeaderEncoder.ENCODED_LENGTH + Terminate507Encoder.BLOCK_LENGTH);
    }

    /**
     * Send one SBE message (header included), framed with CME's SOFH: total length then 0xCAFE, little-endian.
     */
    void send(final DirectBuffer buffer, final int offset, final int length)
    {
        final ByteBuffer frame = ByteBuffer.allocate(4 + length).order(ByteOrder.LITTLE_ENDIAN);
        frame.putShort((short)(4 + length)).putShort((short)0xCAFE);
        final byte[] body = new byte[length];
        buffer.getBytes(offset, body);
        frame.put(body).flip();
        sendRaw(frame);
    }

    void sendRaw(final ByteBuffer bytes)
    {
        try
        {
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Read what has arrived and split it into frames; true when the venue closed the connection.
     */
    boolean poll()
    {
        try
        {
            final int read = channel.read(in);
            if (read < 0)
            {
                closedByPeer = true;
            }
        }
        catch (final IOException ex)
        {
            closedByPeer = true;
        }
        in.flip();
        while (in.remaining() >= 4)
        {
            final int frameLength = in.getShort(in.position()) & 0xFFFF;
            final int encoding = in.getShort(in.position() + 2) & 0xFFFF;
            if (0xCAFE != encoding || frameLength < 4)
            {
                throw new AssertionError("venue sent a bad SOFH: length " + frameLength + " encoding " + encoding);
            }
            if (in.remaining() < frameLength)
            {
                break;
            }
            final byte[] frame = new byte[frameLength];
            in.get(frame);
            frames.add(frame);
            received.add(new UnsafeBuffer(Arrays.copyOfRange(frame, 4, frameLength)));
        }
        in.compact();
        return closedByPeer;
    }

    boolean closedByPeer()
    {
        return closedByPeer;
    }

    static int templateId(final DirectBuffer message)
    {
        return new MessageHeaderDecoder().wrap(message, 0).templateId();
    }

    List<Integer> templateIds()
    {
        final List<Integer> ids = new ArrayList<>();
        for (final UnsafeBuffer frame : received)
        {
            ids.add(templateId(frame));
        }
        return ids;
    }

    UnsafeBuffer last(final int templateId)
    {
        for (int i = received.size() - 1; i >= 0; i--)
        {
            if (templateId(received.get(i)) == templateId)
            {
                return received.get(i);
            }
        }
        throw new AssertionError("no template " + templateId + " in " + templateIds());
    }

    int count(final int templateId)
    {
        int count = 0;
        for (final UnsafeBuffer frame : received)
        {
            count += templateId(frame) == templateId ? 1 : 0;
        }
        return count;
    }

    /**
     * Run the venue's duty cycle and read until a condition holds.
     */
    void pump(final FixpAcceptor acceptor, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            acceptor.doWork();
            poll();
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("condition not met in time; received " + templateIds() +
                    (closedByPeer ? ", closed by the venue" : ""));
            }
        }
    }

    void awaitTemplate(final FixpAcceptor acceptor, final int templateId, final int count)
    {
        pump(acceptor, () -> count(templateId) >= count);
    }

    static String hex(final DirectBuffer buffer, final int offset, final int length)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            text.append(String.format("%02x", buffer.getByte(offset + i) & 0xFF));
        }
        return text.toString();
    }

    static byte[] unhex(final String hex)
    {
        final String digits = hex.replaceAll("\\s", "");
        final byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    static String text(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        int end = bytes.length;
        while (end > 0 && (0 == bytes[end - 1] || ' ' == bytes[end - 1]))
        {
            end--;
        }
        return new String(Arrays.copyOf(bytes, end), StandardCharsets.US_ASCII);
    }

    public void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ignore)
        {
            // closing a test socket
        }
    }
}
