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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void readsAndWritesFramesByteForByteAsCmeDoes() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            TcpVenueTransport transport = new TcpVenueTransport())
        {
            assertTrue(transport.connect("127.0.0.1", server.getLocalPort(), 0));
            try (Socket peer = server.accept())
            {
                awaitConnected(transport);
                // a 132-byte frame as CME sends it: 84 00 FE CA, then an SBE header and 120 bytes of block
                final byte[] cmeFrame = new byte[132];
                cmeFrame[0] = (byte)0x84;
                cmeFrame[1] = 0x00;
                cmeFrame[2] = (byte)0xFE;
                cmeFrame[3] = (byte)0xCA;
                cmeFrame[4] = 120;
                cmeFrame[6] = (byte)0xE7;
                cmeFrame[7] = 0x03;
                cmeFrame[8] = 8;
                cmeFrame[10] = 5;
                cmeFrame[12] = 'o';
                cmeFrame[13] = 'k';
                final List<Integer> lengths = new ArrayList<>();
                peer.getOutputStream().write(cmeFrame);
                peer.getOutputStream().flush();
                while (lengths.isEmpty() && transport.isConnected())
                {
                    transport.poll((buffer, offset, length, rx) -> lengths.add(length), 0);
                }
                assertEquals(List.of(128), lengths);
                assertEquals(0, transport.framingErrors());

                final UnsafeBuffer message = new UnsafeBuffer(new byte[128]);
                assertEquals(VenueTransport.OK, transport.write(message, 0, 128));
                final byte[] written = new byte[4];
                final InputStream in = peer.getInputStream();
                int read = 0;
                while (read < 4)
                {
                    transport.poll(collector, 0);
                    if (in.available() > 0)
                    {
                        read += in.read(written, read, 4 - read);
                    }
                }
                assertEquals(List.of(0x84, 0x00, 0xFE, 0xCA), unsigned(written));
            }
        }
    }

    @Test
    void bigEndianHeaderIsAFramingErrorThatNamesTheBytes() throws Exception
    {
        final TcpVenueTransport transport = dropAfter(new byte[]{0x00, (byte)0x84, (byte)0xCA, (byte)0xFE});
        assertEquals(TcpVenueTransport.REASON_UNKNOWN_ENCODING_TYPE, transport.disconnectReason());
        assertEquals(1, transport.framingErrors());
        final String detail = transport.disconnectDetail();
        assertTrue(detail.contains("00 84 CA FE"), detail);
        assertTrue(detail.contains("0xFECA"), detail);
        assertTrue(detail.contains("big-endian header?"), detail);
        assertTrue(frames.isEmpty());
    }

    @Test
    void encodingTypeIsCheckedBeforeTheLength() throws Exception
    {
        final TcpVenueTransport transport = dropAfter(new byte[]{0x02, 0x00, 0x34, 0x12});
        assertEquals(TcpVenueTransport.REASON_UNKNOWN_ENCODING_TYPE, transport.disconnectReason());
        final String detail = transport.disconnectDetail();
        assertTrue(detail.contains("0x1234"), detail);
        assertTrue(detail.contains("02 00 34 12"), detail);
        assertFalse(detail.contains("big-endian"), detail);
    }

    private TcpVenueTransport dropAfter(final byte[] header) throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            TcpVenueTransport transport = new TcpVenueTransport())
        {
            assertTrue(transport.connect("127.0.0.1", server.getLocalPort(), 0));
            try (Socket peer = server.accept())
            {
                awaitConnected(transport);
                final byte[] bytes = new byte[header.length + 16];
                System.arraycopy(header, 0, bytes, 0, header.length);
                peer.getOutputStream().write(bytes);
                peer.getOutputStream().flush();
                while (transport.isConnected())
                {
                    transport.poll(collector, 0);
                }
                return transport;
            }
        }
    }

    private void awaitConnected(final TcpVenueTransport transport)
    {
        while (!transport.isConnected())
        {
            transport.poll(collector, 0);
        }
    }

    private static List<Integer> unsigned(final byte[] bytes)
    {
        final List<Integer> values = new ArrayList<>();
        for (final byte b : bytes)
        {
            values.add(b & 0xFF);
        }
        return values;
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

                // a right encoding type with a length too short for an SBE message header
                out.write(new byte[]{0x02, 0x00, (byte)0xFE, (byte)0xCA});
                out.flush();
                while (transport.isConnected())
                {
                    transport.poll(collector, 0);
                }
                assertEquals(TcpVenueTransport.REASON_MALFORMED_FRAME, transport.disconnectReason());
                assertEquals(1, transport.framingErrors());
                assertTrue(transport.disconnectDetail().contains("02 00 FE CA"), transport.disconnectDetail());
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
