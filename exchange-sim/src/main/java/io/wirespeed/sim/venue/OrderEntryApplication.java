package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.ExecReason;
import io.wirespeed.codecs.ilink3.MassActionScope;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceRequest515Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelRequest516Decoder;
import io.wirespeed.codecs.ilink3.OrderMassActionRequest529Decoder;
import io.wirespeed.codecs.ilink3.OrderMassStatusRequest530Decoder;
import io.wirespeed.codecs.ilink3.OrderStatusRequest533Decoder;
import io.wirespeed.codecs.ilink3.OrderType;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;
import io.wirespeed.sim.ClientFillListener;
import io.wirespeed.sim.ClientMarket;
import io.wirespeed.sim.Fills;
import io.wirespeed.sim.OrderBook;
import io.wirespeed.sim.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.charset.StandardCharsets;

/**
 * The venue's order-entry business layer: decodes iLink 3 orders, cancels, replaces and mass actions, matches client
 * orders in the simulator's books through {@link ClientMarket} and answers each session with its execution reports.
 * <p>
 * Limit orders (Day, GTC, GTD, fill-and-kill, fill-or-kill) and market-with-protection orders (a limit
 * {@value #PROTECTION_TICKS} ticks through the opposite touch) are supported. A cancel or replace names its order by
 * OrderID, or by the order's ClOrdID when OrderID is 0. Runs on the simulator's duty cycle thread.
 */
public final class OrderEntryApplication implements VenueApplication, ClientFillListener
{
    /**
     * How far through the opposite touch a market-with-protection order may trade, in ticks.
     */
    public static final int PROTECTION_TICKS = 10;

    private static final int BUSINESS_REJECT_UNSUPPORTED = 3;
    private static final int BUSINESS_REJECT_MALFORMED = 5;
    private static final byte[] UNSUPPORTED_TEXT = "unsupported message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MALFORMED_TEXT = "message too short".getBytes(StandardCharsets.US_ASCII);

    private final ClientMarket market;
    private final VenueClock clock;
    private final boolean cancelOnDisconnect;
    private final ClientOrders orders;
    private final VenueFaults faults = new VenueFaults();
    private final VenueCounters counters;
    private final ResponseWriter writer;
    private final ExecutionReports reports;
    private final RequestRejects rejects;
    private final StatusRequests statusRequests;
    private final RequestChecks checks;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderSingle514Decoder newOrder = new NewOrderSingle514Decoder();
    private final OrderCancelReplaceRequest515Decoder replace = new OrderCancelReplaceRequest515Decoder();
    private final OrderCancelRequest516Decoder cancel = new OrderCancelRequest516Decoder();
    private final OrderMassActionRequest529Decoder massAction = new OrderMassActionRequest529Decoder();
    private final OrderStatusRequest533Decoder orderStatus = new OrderStatusRequest533Decoder();
    private final OrderMassStatusRequest530Decoder massStatus = new OrderMassStatusRequest530Decoder();
    private final MassCancel massCancel;
    private final byte[] clOrdId = new byte[ClientOrder.CL_ORD_ID_LENGTH];

    /**
     * An application over a simulator's books; it becomes the market's fill listener.
     *
     * @param market             the simulator's {@link io.wirespeed.sim.MarketDataSimulator#clientMarket()}.
     * @param clock              read once per business message for TransactTime (never stamped backwards).
     * @param maxOpenOrders      the most client orders working at once, all sessions together.
     * @param cancelOnDisconnect cancel a session's orders when it disconnects.
     * @param counters           where the counters live.
     */
    public OrderEntryApplication(
        final ClientMarket market,
        final EpochNanoClock clock,
        final int maxOpenOrders,
        final boolean cancelOnDisconnect,
        final VenueCounters counters)
    {
        this.market = market;
        this.clock = new VenueClock(clock);
        this.cancelOnDisconnect = cancelOnDisconnect;
        this.counters = counters;
        this.orders = new ClientOrders(maxOpenOrders, Math.max(65_536, maxOpenOrders));
        this.writer = new ResponseWriter(faults, counters, orders, this.clock);
        this.reports = new ExecutionReports(writer);
        this.rejects = new RequestRejects(writer);
        this.statusRequests = new StatusRequests(orders, market, new StatusReports(writer));
        this.checks = new RequestChecks(market, orders);
        this.massCancel = new MassCancel(market, orders, reports, counters);
        market.listener(this);
    }

    /**
     * The fault knobs, which may be set from any thread.
     *
     * @return the faults.
     */
    public VenueFaults faults()
    {
        return faults;
    }

    /**
     * The client orders and what each session sent, for tests and inspection.
     *
     * @return the orders.
     */
    public ClientOrders orders()
    {
        return orders;
    }

    /**
     * The counters.
     *
     * @return the counters.
     */
    public VenueCounters counters()
    {
        return counters;
    }

    /**
     * {@inheritDoc}
     */
    public void onBusinessMessage(
        final int templateId,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long seqNum,
        final VenueOutbound outbound)
    {
        final long nowNs = clock.now();
        final ClientSession session = orders.sessionFor(outbound);
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            businessReject(session, seqNum, templateId, BUSINESS_REJECT_MALFORMED, MALFORMED_TEXT, nowNs);
            return;
        }
        header.wrap(buffer, offset);
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int available = length - MessageHeaderDecoder.ENCODED_LENGTH;
        switch (templateId)
        {
            case NewOrderSingle514Decoder.TEMPLATE_ID:
                if (fits(session, seqNum, templateId, blockLength, NewOrderSingle514Decoder.BLOCK_LENGTH,
                    available, nowNs))
                {
                    newOrder.wrap(buffer, bodyOffset, blockLength, version);
                    onNewOrder(session, buffer, bodyOffset, nowNs);
                }
                break;

            case OrderCancelReplaceRequest515Decoder.TEMPLATE_ID:
                if (fits(session, seqNum, templateId, blockLength, OrderCancelReplaceRequest515Decoder.BLOCK_LENGTH,
                    available, nowNs))
                {
                    replace.wrap(buffer, bodyOffset, blockLength, version);
                    onReplace(session, nowNs);
                }
                break;

            case OrderCancelRequest516Decoder.TEMPLATE_ID:
                if (fits(session, seqNum, templateId, blockLength, OrderCancelRequest516Decoder.BLOCK_LENGTH,
                    available, nowNs))
                {
                    cancel.wrap(buffer, bodyOffset, blockLength, version);
                    onCancel(session, nowNs);
                }
                break;

            case OrderMassActionRequest529Decoder.TEMPLATE_ID:
                if (fits(session, seqNum, templateId, blockLength, OrderMassActionRequest529Decoder.BLOCK_LENGTH,
                    available, nowNs))
                {
                    massAction.wrap(buffer, bodyOffset, blockLength, version);
                    onMassAction(session, nowNs);
                }
                break;

            case OrderStatusRequest533Decoder.TEMPLATE_ID:
                if (fits(session, seqNum, templateId, blockLength, OrderStatusRequest533Decoder.BLOCK_LENGTH,
                    available, nowNs))
                {
                    counters.increment(VenueCounter.STATUS_REQUESTS);
                    statusRequests.onOrderStatus(session, orderStatus.wrap(buffer, bodyOffset, blockLength, version),
                        nowNs);
                }
                break;

            case OrderMassStatusRequest530Decoder.TEMPLATE_ID:
                if (fits(session, seqNum, templateId, blockLength, OrderMassStatusRequest530Decoder.BLOCK_LENGTH,
                    available, nowNs))
                {
                    counters.increment(VenueCounter.MASS_STATUS_REQUESTS);
                    statusRequests.onMassStatus(session, massStatus.wrap(buffer, bodyOffset, blockLength, version),
                        nowNs);
                }
                break;

            default:
                businessReject(session, seqNum, templateId, BUSINESS_REJECT_UNSUPPORTED, UNSUPPORTED_TEXT, nowNs);
                break;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionDisconnected(final long uuid, final VenueOutbound outbound)
    {
        final ClientSession session = orders.sessionFor(outbound);
        if (cancelOnDisconnect && session.openCount > 0)
        {
            massCancel.cancelAll(session, ExecReason.CancelOnDisconnect, clock.now());
        }
    }

    /**
     * {@inheritDoc}
     */
    public int doWork(final long nowNs)
    {
        return writer.doWork(nowNs) > 0 ? 1 : 0;
    }

    /**
     * {@inheritDoc}
     */
    public void onPassiveFill(
        final int securityId,
        final long bookOrderId,
        final long price,
        final long qty,
        final boolean done,
        final long transactTimeNs,
        final long mdTradeEntryId)
    {
        final ClientOrder order = orders.byBookOrderId(bookOrderId);
        if (null != order)
        {
            // the market-data side stamps the event's (scheduled) time, which may be earlier than the venue's last
            // stamp, the order's acknowledgement included
            fill(order, price, qty, false, clock.stamp(transactTimeNs), mdTradeEntryId);
        }
    }

    private void onNewOrder(
        final ClientSession session, final DirectBuffer buffer, final int bodyOffset, final long nowNs)
    {
        counters.increment(VenueCounter.ORDERS_RECEIVED);
        orders.recordReceived(
            session.outbound.uuid(), buffer, bodyOffset + NewOrderSingle514Decoder.clOrdIDEncodingOffset());

        final int securityId = newOrder.securityID();
        final SideReq side = Decoding.side(newOrder.sideRaw());
        final OrderType ordType = Decoding.ordType(newOrder.ordTypeRaw());
        final TimeInForce timeInForce = Decoding.timeInForce(newOrder.timeInForceRaw());
        final long qty = newOrder.orderQty();
        long price = newOrder.price().mantissa();

        int reason = checks.newOrder(securityId, side, ordType, timeInForce, price, qty);
        if (reason < 0 && OrderType.MarketWithProtection == ordType)
        {
            price = protectionPrice(securityId, side);
            reason = ClientMarket.NO_PRICE == price ? OrdRejReasons.NO_MARKET : -1;
        }
        if (reason < 0)
        {
            newOrder.getClOrdID(clOrdId, 0);
            if (null != orders.byClOrdId(session, clOrdId))
            {
                counters.increment(VenueCounter.DUPLICATE_CL_ORD_IDS);
                reason = OrdRejReasons.DUPLICATE_ORDER;
            }
        }
        if (reason < 0)
        {
            reason = faults.rejectReason(securityId);
            if (reason >= 0)
            {
                counters.increment(VenueCounter.INJECTED_REJECTS);
            }
        }
        if (reason >= 0)
        {
            counters.increment(VenueCounter.ORDERS_REJECTED);
            reports.onReject(session, newOrder, ordType, side, timeInForce, reason, nowNs);
            return;
        }

        final ClientOrder order = orders.open(session, securityId);
        newOrder.getClOrdID(order.clOrdId, 0);
        newOrder.getSenderID(order.senderId, 0);
        newOrder.getLocation(order.location, 0);
        order.orderRequestId = newOrder.orderRequestID();
        order.partyDetailsListReqId = newOrder.partyDetailsListReqID();
        order.manualOrderIndicator = ExecutionReports.manualOrderIndicator(newOrder.manualOrderIndicatorRaw());
        order.side = side;
        order.ordType = ordType;
        order.timeInForce = timeInForce;
        order.price = price;
        order.orderQty = qty;
        order.leavesQty = qty;
        counters.increment(VenueCounter.OPEN_ORDERS);
        counters.increment(VenueCounter.ORDERS_ACCEPTED);
        reports.onNew(order, nowNs);

        final Side bookSide = SideReq.Buy == side ? Side.BID : Side.ASK;
        if (TimeInForce.FillOrKill == timeInForce && market.availableQty(securityId, bookSide, price, qty) < qty)
        {
            cancelRemainder(order, nowNs);
            return;
        }
        final boolean rest = TimeInForce.FillAndKill != timeInForce && TimeInForce.FillOrKill != timeInForce;
        enter(order, bookSide, rest, nowNs);
    }

    private long protectionPrice(final int securityId, final SideReq side)
    {
        final Side bookSide = SideReq.Buy == side ? Side.BID : Side.ASK;
        final long touch = market.bestPrice(securityId, bookSide.opposite());
        if (ClientMarket.NO_PRICE == touch)
        {
            return ClientMarket.NO_PRICE;
        }
        final long band = PROTECTION_TICKS * market.tickMantissa(securityId);
        return Side.BID == bookSide ? touch + band : Math.max(market.tickMantissa(securityId), touch - band);
    }

    /**
     * Put an accepted order (new, or replaced with a new price) into the book and report what it traded.
     */
    private void enter(final ClientOrder order, final Side bookSide, final boolean rest, final long nowNs)
    {
        final long bookOrderId = market.add(order.securityId, bookSide, order.price, order.leavesQty, rest, nowNs);
        final Fills fills = market.fills();
        final long traded = fills.totalQty();
        if (rest && OrderBook.REJECTED != bookOrderId && order.leavesQty > traded)
        {
            orders.rested(order, bookOrderId);
        }
        else
        {
            orders.unrested(order);
        }

        for (int i = 0, count = fills.count(); i < count; i++)
        {
            final long price = fills.price(i);
            final long qty = fills.qty(i);
            final long mdTradeEntryId = fills.tradeEntryId(i);
            if (order.session != null)
            {
                fill(order, price, qty, true, nowNs, mdTradeEntryId);
            }
            if (OrderBook.CLIENT == fills.restingParticipant(i))
            {
                final ClientOrder resting = orders.byBookOrderId(fills.restingOrderId(i));
                if (null != resting)
                {
                    fill(resting, price, qty, false, nowNs, mdTradeEntryId);
                }
            }
        }

        if (null != order.session && 0 == order.bookOrderId && order.leavesQty > 0)
        {
            cancelRemainder(order, nowNs);
        }
    }

    private void fill(
        final ClientOrder order,
        final long price,
        final long qty,
        final boolean aggressor,
        final long nowNs,
        final long mdTradeEntryId)
    {
        order.cumQty += qty;
        order.leavesQty -= qty;
        order.owner.filled(order, qty);
        counters.increment(VenueCounter.FILLS);
        reports.onFill(order, price, qty, aggressor, market.tradeDate(nowNs), nowNs, mdTradeEntryId);
        if (0 == order.leavesQty)
        {
            closeOrder(order);
        }
    }

    private void cancelRemainder(final ClientOrder order, final long nowNs)
    {
        counters.increment(VenueCounter.CANCELS);
        reports.onCancel(order, ExecReason.NULL_VAL, nowNs);
        closeOrder(order);
    }

    private void closeOrder(final ClientOrder order)
    {
        orders.close(order);
        counters.add(VenueCounter.OPEN_ORDERS, -1);
    }

    private void onCancel(final ClientSession session, final long nowNs)
    {
        cancel.getClOrdID(clOrdId, 0);
        final CxlRejReason reason = checks.cancel(session, cancel, clOrdId);
        if (null != reason)
        {
            counters.increment(VenueCounter.CANCEL_REJECTS);
            rejects.onCancelReject(session, cancel, reason, nowNs);
            return;
        }
        final ClientOrder order = checks.order();
        market.cancel(order.securityId, order.bookOrderId);
        market.publish(order.securityId, nowNs);
        System.arraycopy(clOrdId, 0, order.clOrdId, 0, clOrdId.length);
        order.orderRequestId = cancel.orderRequestID();
        counters.increment(VenueCounter.CANCELS);
        reports.onCancel(order, ExecReason.NULL_VAL, nowNs);
        closeOrder(order);
    }

    private void onReplace(final ClientSession session, final long nowNs)
    {
        replace.getClOrdID(clOrdId, 0);
        final CxlRejReason reason = checks.replace(session, replace, clOrdId);
        if (null != reason)
        {
            counters.increment(VenueCounter.REPLACE_REJECTS);
            rejects.onReplaceReject(session, replace, reason, nowNs);
            return;
        }
        final ClientOrder order = checks.order();

        final long price = replace.price().mantissa();
        final long newQty = replace.orderQty();
        final long newLeaves = newQty - order.cumQty;
        System.arraycopy(clOrdId, 0, order.clOrdId, 0, clOrdId.length);
        order.orderRequestId = replace.orderRequestID();
        order.timeInForce = Decoding.timeInForce(replace.timeInForceRaw());
        order.orderQty = newQty;
        order.replaced = true;
        counters.increment(VenueCounter.REPLACES);
        if (price == order.price && newLeaves <= order.leavesQty)
        {
            if (newLeaves < order.leavesQty)
            {
                market.reduce(order.securityId, order.bookOrderId, newLeaves);
                market.publish(order.securityId, nowNs);
            }
            order.leavesQty = newLeaves;
            reports.onModify(order, nowNs);
        }
        else
        {
            market.cancel(order.securityId, order.bookOrderId);
            order.price = price;
            order.leavesQty = newLeaves;
            reports.onModify(order, nowNs);
            enter(order, SideReq.Buy == order.side ? Side.BID : Side.ASK, true, nowNs);
        }
    }

    private void onMassAction(final ClientSession session, final long nowNs)
    {
        counters.increment(VenueCounter.MASS_ACTIONS);
        final MassActionScope scope = Decoding.massActionScope(massAction.massActionScopeRaw());
        final int securityId = massAction.securityID();
        final short sideRaw = massAction.sideRaw();
        int reason = -1;
        if (MassActionScope.NULL_VAL == scope || MassActionScope.QuoteSetID == scope ||
            MassActionScope.InstrumentGroup == scope)
        {
            reason = MassActionRejectReasons.UNSUPPORTED_SCOPE;
        }
        else if (MassActionScope.Instrument == scope && !market.hasInstrument(securityId))
        {
            reason = MassActionRejectReasons.UNKNOWN_SECURITY;
        }
        final int filterSecurityId = MassActionScope.Instrument == scope ? securityId : MassCancel.ANY_SECURITY;
        final SideReq filterSide = Decoding.side(sideRaw);
        final int affected = reason >= 0 ? 0 : massCancel.count(session, filterSecurityId, filterSide);
        rejects.onMassActionReport(session, massAction, scope, affected, reason, nowNs);
        if (reason < 0)
        {
            massCancel.cancel(session, filterSecurityId, filterSide, massAction.orderRequestID(), nowNs);
        }
    }

    private boolean fits(
        final ClientSession session,
        final long seqNum,
        final int templateId,
        final int blockLength,
        final int requiredBlockLength,
        final int available,
        final long nowNs)
    {
        if (blockLength < requiredBlockLength || available < blockLength)
        {
            businessReject(session, seqNum, templateId, BUSINESS_REJECT_MALFORMED, MALFORMED_TEXT, nowNs);
            return false;
        }
        return true;
    }

    private void businessReject(
        final ClientSession session,
        final long seqNum,
        final int templateId,
        final int reason,
        final byte[] text,
        final long nowNs)
    {
        counters.increment(VenueCounter.BUSINESS_REJECTS);
        rejects.onBusinessReject(session, seqNum, templateId, reason, text, nowNs);
    }
}
