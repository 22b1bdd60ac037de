package io.wirespeed.sim.venue;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The venue's client orders and sessions: a pool of working orders indexed by venue order id and by book order id,
 * each session's working orders, and a journal of every ClOrdID received per session, which tests read to check what
 * reached the venue.
 * <p>
 * {@link #ordersReceived}, {@link #clOrdIdsReceived} and {@link #receivedCount} may be called from any thread; the
 * other queries on the application's thread or while it is stopped.
 * <pre>
 *   journal entry: | session UUID (8) | ClOrdID (20) |
 * </pre>
 */
public final class ClientOrders
{
    /**
     * The most client sessions the venue tracks.
     */
    public static final int MAX_SESSIONS = 256;

    /**
     * Finished orders whose final state is kept for status requests and late cancels.
     */
    public static final int FINISHED_KEPT = 4096;

    private static final int ENTRY_LENGTH = 8 + ClientOrder.CL_ORD_ID_LENGTH;

    private final int maxOpenOrders;
    private final ClientOrder[] free;
    private int freeCount;
    private final Long2ObjectHashMap<ClientOrder> byOrderId;
    private final Long2ObjectHashMap<ClientOrder> byBookOrderId;
    private final FinishedOrders finished = new FinishedOrders(FINISHED_KEPT);
    private final Long2ObjectHashMap<ClientSession> sessionsByClient = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<ClientSession> sessionsByUuid = new Long2ObjectHashMap<>();
    private final ClientSession[] sessions = new ClientSession[MAX_SESSIONS];
    private int sessionCount;
    private final UnsafeBuffer journal;
    private final int journalCapacity;
    private volatile int journalCount;
    private volatile long receivedCount;
    private long lastOrderId;

    /**
     * Room for a number of working orders and journal entries.
     *
     * @param maxOpenOrders   the most client orders working at once, all sessions together.
     * @param journalCapacity the most ClOrdIDs journaled; later ones are counted only.
     */
    public ClientOrders(final int maxOpenOrders, final int journalCapacity)
    {
        this.maxOpenOrders = maxOpenOrders;
        free = new ClientOrder[maxOpenOrders];
        for (int i = 0; i < maxOpenOrders; i++)
        {
            free[i] = new ClientOrder();
        }
        freeCount = maxOpenOrders;
        byOrderId = new Long2ObjectHashMap<>(Math.max(8, maxOpenOrders * 2), 0.6f);
        byBookOrderId = new Long2ObjectHashMap<>(Math.max(8, maxOpenOrders * 2), 0.6f);
        this.journalCapacity = journalCapacity;
        journal = new UnsafeBuffer(new byte[Math.max(1, journalCapacity) * ENTRY_LENGTH]);
    }

    /**
     * Client orders working now, all sessions.
     *
     * @return the count.
     */
    public int openOrderCount()
    {
        return maxOpenOrders - freeCount;
    }

    /**
     * Client orders working now of the client that used a UUID (orders it entered under earlier UUIDs included).
     *
     * @param uuid one of the client's UUIDs.
     * @return the count, 0 for a UUID never seen.
     */
    public int openOrderCount(final long uuid)
    {
        final ClientSession session = sessionsByUuid.get(uuid);
        return null == session ? 0 : session.openCount;
    }

    /**
     * The venue's position of the client that used a UUID: lots bought less lots sold by its orders, over every
     * instrument and every UUID of the client; the agent's thread only (a test reads it between duty cycles).
     *
     * @param uuid one of the client's UUIDs.
     * @return the signed quantity, 0 for a UUID never seen.
     */
    public long netFilledQty(final long uuid)
    {
        final ClientSession session = sessionsByUuid.get(uuid);
        long net = 0;
        if (null != session)
        {
            for (final long securityId : session.netPosition.keySet())
            {
                net += session.position((int)securityId);
            }
        }
        return net;
    }

    /**
     * NewOrderSingle messages received from every session, valid or not; from any thread.
     *
     * @return the count.
     */
    public long receivedCount()
    {
        return receivedCount;
    }

    /**
     * NewOrderSingle messages received from a session, valid or not, as far as the journal holds them; from any
     * thread.
     *
     * @param uuid the session's UUID.
     * @return the count.
     */
    public long ordersReceived(final long uuid)
    {
        final int count = journalCount;
        long received = 0;
        for (int i = 0; i < count; i++)
        {
            if (journal.getLong(i * ENTRY_LENGTH) == uuid)
            {
                received++;
            }
        }
        return received;
    }

    /**
     * The ClOrdIDs of the NewOrderSingle messages a session sent, in order of arrival, trailing NULs and spaces
     * trimmed; from any thread, allocates.
     *
     * @param uuid the session's UUID.
     * @return the ClOrdIDs.
     */
    public Set<String> clOrdIdsReceived(final long uuid)
    {
        final int count = journalCount;
        final Set<String> ids = new LinkedHashSet<>();
        final byte[] bytes = new byte[ClientOrder.CL_ORD_ID_LENGTH];
        for (int i = 0; i < count; i++)
        {
            if (journal.getLong(i * ENTRY_LENGTH) == uuid)
            {
                journal.getBytes(i * ENTRY_LENGTH + 8, bytes);
                int length = bytes.length;
                while (length > 0 && (0 == bytes[length - 1] || ' ' == bytes[length - 1]))
                {
                    length--;
                }
                ids.add(new String(bytes, 0, length, StandardCharsets.US_ASCII));
            }
        }
        return ids;
    }

    /**
     * The highest venue order id assigned so far.
     *
     * @return the id, 0 before any.
     */
    public long lastOrderId()
    {
        return lastOrderId;
    }

    void recordReceived(final long uuid, final DirectBuffer buffer, final int clOrdIdOffset)
    {
        receivedCount = receivedCount + 1;
        final int count = journalCount;
        if (count < journalCapacity)
        {
            final int offset = count * ENTRY_LENGTH;
            journal.putLong(offset, uuid);
            journal.putBytes(offset + 8, buffer, clOrdIdOffset, ClientOrder.CL_ORD_ID_LENGTH);
            journalCount = count + 1;
        }
    }

    /**
     * The client an outbound answers, created on its first message; it also becomes known by the outbound's current
     * UUID.
     */
    ClientSession sessionFor(final VenueOutbound outbound)
    {
        final long clientId = outbound.clientId();
        ClientSession session = sessionsByClient.get(clientId);
        if (null == session)
        {
            if (sessionCount == MAX_SESSIONS)
            {
                throw new IllegalStateException("more than " + MAX_SESSIONS + " client sessions");
            }
            session = new ClientSession(clientId, sessionCount, maxOpenOrders);
            sessions[sessionCount++] = session;
            sessionsByClient.put(clientId, session);
        }
        session.outbound = outbound;
        final long uuid = outbound.uuid();
        if (sessionsByUuid.get(uuid) != session)
        {
            sessionsByUuid.put(uuid, session);
        }
        return session;
    }

    ClientSession session(final int index)
    {
        return sessions[index];
    }

    boolean hasRoom()
    {
        return freeCount > 0;
    }

    ClientOrder open(final ClientSession session, final int securityId)
    {
        final ClientOrder order = free[--freeCount];
        free[freeCount] = null;
        order.orderId = ++lastOrderId;
        order.securityId = securityId;
        order.session = session;
        order.owner = session;
        order.bookOrderId = 0;
        order.cumQty = 0;
        order.replaced = false;
        session.add(order);
        byOrderId.put(order.orderId, order);
        return order;
    }

    void rested(final ClientOrder order, final long bookOrderId)
    {
        if (0 != order.bookOrderId)
        {
            byBookOrderId.remove(order.bookOrderId);
        }
        order.bookOrderId = bookOrderId;
        byBookOrderId.put(bookOrderId, order);
    }

    void unrested(final ClientOrder order)
    {
        if (0 != order.bookOrderId)
        {
            byBookOrderId.remove(order.bookOrderId);
            order.bookOrderId = 0;
        }
    }

    void close(final ClientOrder order)
    {
        if (0 != order.bookOrderId)
        {
            byBookOrderId.remove(order.bookOrderId);
        }
        byOrderId.remove(order.orderId);
        finished.add(order);
        order.session.remove(order);
        order.session = null;
        free[freeCount++] = order;
    }

    ClientOrder byOrderId(final long orderId)
    {
        return byOrderId.get(orderId);
    }

    /**
     * A finished order's final state by OrderID, if still kept.
     */
    ClientOrder finished(final long orderId)
    {
        return finished.get(orderId);
    }

    ClientOrder byBookOrderId(final long bookOrderId)
    {
        return byBookOrderId.get(bookOrderId);
    }

    /**
     * A session's working order by ClOrdID, for requests that do not carry the venue's order id.
     */
    ClientOrder byClOrdId(final ClientSession session, final byte[] clOrdId)
    {
        for (int i = 0; i < session.openCount; i++)
        {
            final ClientOrder order = session.open[i];
            if (order.hasClOrdId(clOrdId))
            {
                return order;
            }
        }
        return null;
    }

    /**
     * ClOrdIDs journaled so far, all sessions (up to the journal's capacity); from any thread.
     *
     * @return the count.
     */
    public int clOrdIdsJournaled()
    {
        return journalCount;
    }

    /**
     * Distinct ClOrdIDs among those journaled, all sessions together: a client that sent one ClOrdID twice, under
     * one UUID or across several, makes this less than {@link #clOrdIdsJournaled()}; from any thread, allocates.
     *
     * @return the count.
     */
    public int distinctClOrdIds()
    {
        final int count = journalCount;
        final Set<String> ids = new HashSet<>();
        final byte[] bytes = new byte[ClientOrder.CL_ORD_ID_LENGTH];
        for (int i = 0; i < count; i++)
        {
            journal.getBytes(i * ENTRY_LENGTH + 8, bytes);
            ids.add(new String(bytes, StandardCharsets.US_ASCII));
        }
        return ids.size();
    }

    /**
     * Clients seen so far (one per Session ID and Firm ID, across their UUIDs); on the application's thread or while
     * it is stopped.
     *
     * @return the count.
     */
    public int clientCount()
    {
        return sessionCount;
    }

    /**
     * The UUID a client's answers go out under now.
     *
     * @param index of the client, below {@link #clientCount()}.
     * @return the UUID.
     */
    public long clientUuid(final int index)
    {
        return sessions[index].outbound.uuid();
    }

    /**
     * The sequence number of the next business message to the client under its current UUID: one above the last
     * report it was sent.
     *
     * @param index of the client, below {@link #clientCount()}.
     * @return the next sequence number.
     */
    public long clientNextSeqNum(final int index)
    {
        return sessions[index].outbound.nextSeqNum();
    }

    /**
     * A client's net position in an instrument from every fill the venue reported to it: bought minus sold.
     *
     * @param index      of the client, below {@link #clientCount()}.
     * @param securityId of the instrument.
     * @return the net quantity.
     */
    public long clientPosition(final int index, final int securityId)
    {
        return sessions[index].position(securityId);
    }
}
