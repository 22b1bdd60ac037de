package io.wirespeed.latency.nic;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * The kernel-socket far end of the AF_XDP benchmark, run in namespace A under {@code ip netns exec}.
 * <ul>
 *   <li>{@code echo ADDRESS PORT REPLY_PORT [PORT REPLY_PORT]... MAX_SECONDS}: busy-polls non-blocking sockets bound
 *   to each ADDRESS:PORT and sends every datagram back to its sender's address at that socket's REPLY_PORT.</li>
 *   <li>{@code flood HOST PORT COUNT PAYLOAD_LENGTH}: COUNT datagrams as fast as the socket takes them; prints
 *   {@code sent N in T ms}.</li>
 * </ul>
 */
public final class XdpBenchPeer
{
    private XdpBenchPeer()
    {
    }

    /**
     * Run one mode.
     *
     * @param args the mode and its arguments.
     * @throws IOException when a socket fails.
     */
    public static void main(final String[] args) throws IOException
    {
        if ("echo".equals(args[0]))
        {
            echo(args);
        }
        else if ("flood".equals(args[0]))
        {
            flood(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]));
        }
        else
        {
            throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void echo(final String[] args) throws IOException
    {
        final InetAddress address = InetAddress.getByName(args[1]);
        final int sockets = (args.length - 3) / 2;
        final DatagramChannel[] channels = new DatagramChannel[sockets];
        final int[] replyPorts = new int[sockets];
        final SocketAddress[] lastSenders = new SocketAddress[sockets];
        final InetSocketAddress[] replyTo = new InetSocketAddress[sockets];
        for (int i = 0; i < sockets; i++)
        {
            channels[i] = DatagramChannel.open();
            channels[i].bind(new InetSocketAddress(address, Integer.parseInt(args[2 + 2 * i])));
            channels[i].configureBlocking(false);
            replyPorts[i] = Integer.parseInt(args[3 + 2 * i]);
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[args.length - 1]));
        System.out.println("ready");
        System.out.flush();
        final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
        long spins = 0;
        while ((++spins & 0xFFFF) != 0 || System.nanoTime() - deadlineNs < 0)
        {
            for (int i = 0; i < sockets; i++)
            {
                buffer.clear();
                final SocketAddress sender = channels[i].receive(buffer);
                if (null != sender)
                {
                    if (sender != lastSenders[i])
                    {
                        lastSenders[i] = sender;
                        replyTo[i] = new InetSocketAddress(((InetSocketAddress)sender).getAddress(), replyPorts[i]);
                    }
                    buffer.flip();
                    channels[i].send(buffer, replyTo[i]);
                }
            }
        }
    }

    private static void flood(final String host, final int port, final long count, final int payloadLength)
        throws IOException
    {
        final ByteBuffer payload = ByteBuffer.allocateDirect(payloadLength);
        try (DatagramChannel channel = DatagramChannel.open())
        {
            channel.connect(new InetSocketAddress(InetAddress.getByName(host), port));
            final long startNs = System.nanoTime();
            for (long sent = 0; sent < count; sent++)
            {
                payload.clear();
                payload.putLong(0, sent);
                channel.write(payload);
            }
            final long elapsedNs = System.nanoTime() - startNs;
            System.out.printf("sent %d in %d ms%n", count, TimeUnit.NANOSECONDS.toMillis(elapsedNs));
        }
    }
}
