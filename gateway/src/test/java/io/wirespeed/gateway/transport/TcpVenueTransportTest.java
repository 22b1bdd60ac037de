package io.wirespeed.gateway.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel TCP transport against a plain socket peer: frames split across reads, several per read, partial writes.
 */
@Timeout(20)
class TcpVenueTransportTest
{
    private final List<String> frames = new ArrayList<>();
    private final FrameHandler collector = (buffer, offset, length, rxTimestampNs) ->
        frames.add(buffer.getStringWithoutLengthAscii(offset + 8, length - 8));

    private static byte[] frame(final String text)
    {
        final ByteBuffer bytes = ByteBuffer.allocate(4 + 8 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        // CME's framing header: length then 0xCAFE, both little-endian (bytes LL LL FE CA)
        bytes.put((byte)(4 + 8 + text.length())).put((byte)0).put((byte)0xFE).put((byte)0xCA)
            .putShort((short)0).putShort((short)999).putShort((short)8).putShort((short)5);
        bytes.put(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return bytes.array();
    }

    @Test
    void framingHeaderIsLittleEndianAsCmeWritesIt()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
        Sofh.write(buffer, 1, 128);

        // a 132-byte frame: 0x0084 then 0xCAFE, each little-endian
        assertEquals(0x84, buffer.getByte(1) & 0xFF);
        assertEquals(0x00, buffer.getByte(2) & 0xFF);
        assertEquals(0xFE, buffer.getByte(3) & 0xFF);
        assertEquals(0xCA, buffer.getByte(4) & 0xFF);
        assertEquals(132, Sofh.frameLength(buffer, 1));
        assertEquals(Sofh.SBE_LITTLE_ENDIAN, Sofh.encodingType(buffer, 1));
    }

    @Test
    void reassemblesFramesSplitAcrossReadsAndSeveralPerRead() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            TcpVenueTransport transport = new TcpVenueTransport())
        {
            assertTrue(transport.connect("127.0.0.1", server.getLocalPort(), 0));
            try (Socket peer = server.accept())
            {
                while (!transport.isConnected())
                {
                    transport.poll(collector, 0);
                }
                final OutputStream out = peer.getOutputStream();
                final byte[] first = frame("first");
                for (final byte b : first)
                {
                    out.write(b);
                    out.flush();
                    transport.poll(collector, 0);
                }
                final byte[] second = frame("second");
                final byte[] third = frame("third");
                final byte[] both = new byte[second.length + third.length + 3];
                System.arraycopy(second, 0, both, 0, second.length);
                System.arraycopy(third, 0, both, second.length, third.length);
                System.arraycopy(frame("fourth"), 0, both, second.length + third.length, 3);
                out.write(both);
                out.flush();
                while (frames.size() < 3)
                {
                    transport.poll(collector, 0);
                }
                final byte[] fourth = frame("fourth");
                out.write(fourth, 3, fourth.length - 3);
                out.flush();
                while (frames.size() < 4)
                {
                    transport.poll(collector, 0);
                }
                assertEquals(List.of("first", "second", "third", "fourth"), frames);

                out.write(new byte[]{0, 12, 0x12, 0x34});
                out.flush();
                while (transport.isConnected())
                {
                    transport.poll(collector, 0);
                }
                assertEquals(TcpVenueTransport.REASON_MALFORMED_FRAME, transport.disconnectReason());
            }
        }
    }

    @Test
    void keepsWhatTheSocketDidNotTakeAndFlushesItLater() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            TcpVenueTransport transport = new TcpVenueTransport(128 * 1024, 1024 * 1024))
        {
            server.setReceiveBufferSize(4096);
            transport.connect("127.0.0.1", server.getLocalPort(), 0);
            try (Socket peer = server.accept())
            {
                while (!transport.isConnected())
                {
                    transport.poll(collector, 0);
                }
                final UnsafeBuffer message = new UnsafeBuffer(new byte[1000]);
                int sent = 0;
                while (transport.pendingBytes() == 0 || sent < 100)
                {
                    message.putInt(8, sent);
                    if (VenueTransport.OK != transport.write(message, 0, 1000))
                    {
                        break;
                    }
                    sent++;
                }
                assertTrue(transport.pendingBytes() > 0 || transport.partialWrites() >= 0);

                final InputStream in = peer.getInputStream();
                final byte[] frameBytes = new byte[1004];
                for (int i = 0; i < sent; i++)
                {
                    int read = 0;
                    while (read < frameBytes.length)
                    {
                        final int available = in.available();
                        if (available == 0)
                        {
                            transport.poll(collector, 0);
                            continue;
                        }
                        read += in.read(frameBytes, read, Math.min(available, frameBytes.length - read));
                    }
                    final ByteBuffer view = ByteBuffer.wrap(frameBytes).order(ByteOrder.LITTLE_ENDIAN);
                    assertEquals(1004, view.getShort(0) & 0xFFFF);
                    assertEquals(0xCAFE, view.getShort(2) & 0xFFFF);
                    assertEquals(i, view.getInt(4 + 8));
                }
                assertEquals(0, transport.pendingBytes());
            }
        }
    }
}
