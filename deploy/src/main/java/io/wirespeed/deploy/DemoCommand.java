package io.wirespeed.deploy;

import io.wirespeed.codecs.ilink3.ExecMode;
import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Encoder;
import io.wirespeed.codecs.ilink3.OrderTypeReq;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;
import io.wirespeed.codecs.mdp3.BinaryPacketHeaderEncoder;
import io.wirespeed.codecs.mdp3.MDEntryTypeBook;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Encoder;
import io.wirespeed.codecs.mdp3.MDUpdateAction;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import io.wirespeed.codecs.print.FramePrinter;
import io.wirespeed.codecs.print.MessagePrinter;
import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderEncoder;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.ThreadingMode;
import io.wirespeed.config.WirespeedConfig;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed demo}: the whole appliance against the embedded exchange simulator for a few seconds, with
 * progress, a book check against the venue and a tick-to-trade summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the appliance demo with the default (or given) configuration and print a latency summary.")
final class DemoCommand implements Callable<Integer>
{
    private static final long PRICE_9 = 1_000_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "5",
        description = "how long the simulated venue publishes; 0 runs until interrupted (default: ${DEFAULT-VALUE})")
    long seconds;

    public Integer call() throws InterruptedException
    {
        final StopSignals signals = StopSignals.install();
        final PrintWriter out = spec.commandLine().getOut();
        if (seconds < 0)
        {
            spec.commandLine().getErr().println("--seconds must be 0 (until interrupted) or more, was " + seconds);
            return ConfigCheck.EXIT_INVALID;
        }

        final WirespeedConfig config = CommandConfig.load(configFile, spec.commandLine().getErr());
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }

        try
        {
            DemoRun.checkBackend(config);
        }
        catch (final Refusal refusal)
        {
            spec.commandLine().getErr().println(refusal.getMessage());
            return refusal.exitCode();
        }

        out.println("wirespeed demo");
        out.println("[1/4] configuration: " + (null == configFile ? "built-in default" : configFile) + ", " +
            config.channels().size() + " channel(s), " + config.instruments().size() + " instrument(s), " +
            config.appliance().threadingMode().text() + " threading, " + config.nic().backend().text() + " NIC");
        out.flush();

        final InstrumentContext instrument = config.instruments().get(0);
        final MessagePrinter printer = MessagePrinter.fromClasspath();
        final FramePrinter framePrinter = new FramePrinter(printer);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);

        out.println("[2/4] venue market data, an MDP 3.0 packet as the simulator will send it:");
        final int packetLength = encodeBookPacket(buffer, instrument.securityId());
        out.println("  " + framePrinter.mdp3Packet(PrintFormat.TEXT, buffer, 0, packetLength));

        out.println("[3/4] venue order entry, an iLink 3 NewOrderSingle in its TCP framing:");
        final int orderLength = encodeFramedOrder(buffer, instrument.securityId());
        out.println("  " + framePrinter.sofhStream(PrintFormat.TEXT, buffer, 0, orderLength));
        out.flush();

        final DemoRun run = new DemoRun(config, signals);
        final boolean booksEqual;
        try
        {
            out.printf("[4/4] the appliance for %s: exchange simulator -> %s NIC (feeds A, B, snapshot, " +
                "definitions) -> feed handler -> Aeron IPC -> strategies -> gateway (risk) -> iLink 3 session over " +
                "TCP -> simulator%n", 0 == seconds ? "as long as it runs (Ctrl-C stops it)" : seconds + " s",
                config.nic().backend().text());
            out.flush();
            booksEqual = run.run(seconds, out);
        }
        catch (final Refusal refusal)
        {
            spec.commandLine().getErr().println(refusal.getMessage());
            return refusal.exitCode();
        }
        out.println();
        out.println("tick-to-trade summary (wall clock, this machine, " + config.appliance().threadingMode().text() +
            " threading; idle strategies from the config)");
        run.report().print(out);
        if (null != run.journalSummary())
        {
            run.journalSummary().print(out);
        }
        else
        {
            out.println("journal: off (journal.enabled = false): nothing was journaled");
        }
        if (!booksEqual)
        {
            spec.commandLine().getErr().println("the feed handler's books differ from the simulator's");
            return 1;
        }
        if (0 == run.report().tickToTrade().getTotalCount())
        {
            out.println("  no order was triggered by a tick: configure a [[strategy]] with " +
                "sample = \"tick-responder\"" +
                (ThreadingMode.MULTI_PROCESS == config.appliance().threadingMode() ?
                " and run it with 'wirespeed strategy NAME' (multi-process threading runs no strategy in process)" :
                ""));
        }
        out.flush();
        return 0;
    }

    private static int encodeBookPacket(final UnsafeBuffer buffer, final int securityId)
    {
        final long nowNs = System.currentTimeMillis() * 1_000_000L;
        new BinaryPacketHeaderEncoder().wrap(buffer, 0).msgSeqNum(1).sendingTime(nowNs);
        final int sizeOffset = BinaryPacketHeaderEncoder.ENCODED_LENGTH;
        final int messageOffset = sizeOffset + MessageSizeEncoder.ENCODED_LENGTH;

        final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder()
            .wrapAndApplyHeader(buffer, messageOffset, new io.wirespeed.codecs.mdp3.MessageHeaderEncoder())
            .transactTime(nowNs);
        book.matchEventIndicator().lastQuoteMsg(true).endOfEvent(true);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder entries = book.noMDEntriesCount(2);
        entries.next().mDEntryPx().mantissa(5_000 * PRICE_9);
        entries.mDEntrySize(12).securityID(securityId).rptSeq(1).numberOfOrders(3)
            .mDPriceLevel((short)1).mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeBook.Bid);
        entries.next().mDEntryPx().mantissa(5_000 * PRICE_9 + PRICE_9 / 4);
        entries.mDEntrySize(7).securityID(securityId).rptSeq(2).numberOfOrders(2)
            .mDPriceLevel((short)1).mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeBook.Offer);
        book.noOrderIDEntriesCount(0);

        final int messageLength = io.wirespeed.codecs.mdp3.MessageHeaderEncoder.ENCODED_LENGTH + book.encodedLength();
        new MessageSizeEncoder().wrap(buffer, sizeOffset)
            .msgSize(MessageSizeEncoder.ENCODED_LENGTH + messageLength);
        return messageOffset + messageLength;
    }

    private static int encodeFramedOrder(final UnsafeBuffer buffer, final int securityId)
    {
        final int messageOffset = SimpleOpenFramingHeaderEncoder.ENCODED_LENGTH;
        final NewOrderSingle514Encoder order = new NewOrderSingle514Encoder()
            .wrapAndApplyHeader(buffer, messageOffset, new io.wirespeed.codecs.ilink3.MessageHeaderEncoder());
        order.price().mantissa(5_000 * PRICE_9);
        order.orderQty(1).securityID(securityId).side(SideReq.Buy).seqNum(1)
            .senderID("DEMO").clOrdID("DEMO-1").partyDetailsListReqID(1).orderRequestID(1)
            .sendingTimeEpoch(System.currentTimeMillis() * 1_000_000L);
        order.stopPx().mantissa(io.wirespeed.codecs.ilink3.PRICENULL9Encoder.mantissaNullValue());
        order.location("US,IL")
            .minQty(NewOrderSingle514Encoder.minQtyNullValue())
            .displayQty(NewOrderSingle514Encoder.displayQtyNullValue())
            .expireDate(NewOrderSingle514Encoder.expireDateNullValue())
            .ordType(OrderTypeReq.Limit)
            .timeInForce(TimeInForce.Day)
            .manualOrderIndicator(ManualOrdIndReq.Automated);
        order.execInst().aON(false);
        order.executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(io.wirespeed.codecs.ilink3.BooleanNULL.NULL_VAL)
            .managedOrder(io.wirespeed.codecs.ilink3.BooleanNULL.NULL_VAL)
            .shortSaleType(io.wirespeed.codecs.ilink3.ShortSaleType.NULL_VAL);

        final int frameLength = messageOffset + io.wirespeed.codecs.ilink3.MessageHeaderEncoder.ENCODED_LENGTH +
            order.encodedLength();
        new SimpleOpenFramingHeaderEncoder().wrap(buffer, 0)
            .messageLength(frameLength)
            .encodingType(FramePrinter.SBE_LITTLE_ENDIAN_ENCODING_TYPE);
        return frameLength;
    }
}
