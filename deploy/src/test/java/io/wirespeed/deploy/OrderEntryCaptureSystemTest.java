package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.StrategySample;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.replay.decode.CaptureDecoder;
import io.wirespeed.replay.decode.DecodeOptions;
import io.wirespeed.replay.decode.DecodeSummary;
import io.wirespeed.replay.decode.LoopbackCapture;
import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.sim.venue.AcceptorCounter;
import io.wirespeed.sim.venue.AcceptorCounters;
import io.wirespeed.strategy.StrategyClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static io.wirespeed.deploy.OrderPathRig.TICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The appliance's order-entry TCP traffic (gateway to the in-process simulator over loopback) captured by tcpdump
 * and printed by {@code wirespeed decode}: every business message and every Sequence the session counters say were
 * sent, each once, whether the capture began before the session or joined it once established.
 */
@Tag("privileged")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
final class OrderEntryCaptureSystemTest
{
    private static final long KEEPALIVE_MS = 200;
    private static final Pattern TEMPLATE = Pattern.compile("\"templateId\":(\\d+)");
    private static final int FIRST_BUSINESS_TEMPLATE = 514;
    private static final int SEQUENCE_TEMPLATE = 506;

    @TempDir
    Path dir;

    private OrderPathRig rig;
    private final SessionProbe.Recorder recorder = new SessionProbe.Recorder();

    @AfterEach
    void stop()
    {
        if (null != rig)
        {
            rig.close();
        }
    }

    @Test
    void aCaptureFromTheSessionsStartPrintsEveryMessageTheCountersCount() throws Exception
    {
        LoopbackCapture.assumeCanCapture();
        startRig();
        final int port = rig.config.gateway().venuePort();
        final Path file = dir.resolve("order-entry.pcap");
        final LoopbackCapture capture = LoopbackCapture.start(dir, file, "-i lo", port);
        final Counts counted;
        try
        {
            final StrategyClient s1 = SessionProbe.recorded(rig, "s1", recorder);
            rig.awaitReady();
            trade(s1);
            counted = Counts.now(rig);
        }
        finally
        {
            capture.stop(port);
        }

        final Decoded decoded = Decoded.of(file, port);
        assertEquals(0, decoded.summary.totalProblems(), decoded.output);
        assertEquals(counted.gatewayBusiness, decoded.toVenueBusiness, decoded.output);
        assertEquals(counted.gatewaySequences, decoded.toVenueSequences, decoded.output);
        assertEquals(counted.venueBusiness, decoded.fromVenueBusiness, decoded.output);
        assertEquals(counted.venueSequences, decoded.fromVenueSequences, decoded.output);
        assertTrue(counted.gatewayBusiness >= 3 && counted.venueBusiness >= 3, counted.toString());
        assertEquals(1L, decoded.summary.messagesByTemplate().get("Establish503"), decoded.output);
        assertEquals(1L, decoded.summary.messagesByTemplate().get("EstablishmentAck504"), decoded.output);
    }

    @Test
    void aCaptureThatJoinsAnEstablishedSessionPrintsEveryMessageSentAfterIt() throws Exception
    {
        LoopbackCapture.assumeCanCapture();
        startRig();
        final StrategyClient s1 = SessionProbe.recorded(rig, "s1", recorder);
        rig.awaitReady();
        trade(s1);
        final Counts before = Counts.now(rig);
        final int port = rig.config.gateway().venuePort();
        final Path file = dir.resolve("joined.pcap");
        final LoopbackCapture capture = LoopbackCapture.start(dir, file, "-i lo", port);
        final Counts after;
        try
        {
            trade(s1);
            after = Counts.now(rig);
        }
        finally
        {
            capture.stop(port);
        }

        final Decoded decoded = Decoded.of(file, port);
        assertEquals(0, decoded.summary.totalProblems(), decoded.output);
        assertEquals(after.gatewayBusiness - before.gatewayBusiness, decoded.toVenueBusiness, decoded.output);
        assertEquals(after.gatewaySequences - before.gatewaySequences, decoded.toVenueSequences, decoded.output);
        assertEquals(after.venueBusiness - before.venueBusiness, decoded.fromVenueBusiness, decoded.output);
        assertEquals(after.venueSequences - before.venueSequences, decoded.fromVenueSequences, decoded.output);
        assertTrue(decoded.output.contains("\"event\":\"RESYNC\",\"detail\":\"SOFH header at stream offset 0, " +
            "nothing skipped (no SYN seen"), decoded.output);
    }

    private void startRig()
    {
        rig = new OrderPathRig(dir.resolve("rig"), (config) ->
        {
            config.gateway().keepaliveIntervalMs(KEEPALIVE_MS).reconnectBackoffMs(20);
            config.strategies().forEach((strategy) -> strategy.sample(StrategySample.NONE));
        });
    }

    /**
     * An IOC that fills, a resting bid, its cancel, then a few keepalive intervals.
     */
    private void trade(final StrategyClient s1)
    {
        final int reportsBefore = recorder.reports.size();
        final long take = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.IOC,
            s1.book(ES).bestAsk(), 1, 0);
        final long rest = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
            s1.book(ES).bestBid() - 3 * TICK, 1, 0);
        assertTrue(take > 0 && rest > 0, "sent " + take + ", " + rest);
        rig.pumpUntil(() -> recorder.reports.size() >= reportsBefore + 3, "the fill and both acknowledgements");
        assertTrue(s1.orderEntry().cancel(rest, 0) > 0);
        rig.pumpUntil(() -> recorder.reports.size() >= reportsBefore + 4, "the cancel");
        rig.pumpFor(TimeUnit.MILLISECONDS.toNanos(3 * KEEPALIVE_MS));
    }

    /**
     * What the session counters on both sides say was sent.
     */
    private static final class Counts
    {
        final long gatewayBusiness;
        final long gatewaySequences;
        final long venueBusiness;
        final long venueSequences;

        private Counts(final long gatewayBusiness, final long gatewaySequences, final long venueBusiness,
            final long venueSequences)
        {
            this.gatewayBusiness = gatewayBusiness;
            this.gatewaySequences = gatewaySequences;
            this.venueBusiness = venueBusiness;
            this.venueSequences = venueSequences;
        }

        static Counts now(final OrderPathRig rig)
        {
            final AcceptorCounters venue = rig.venue.acceptor.counters();
            return new Counts(
                SessionProbe.session(rig, SessionCounter.MESSAGES_SENT),
                SessionProbe.session(rig, SessionCounter.SEQUENCES_SENT),
                venue.value(AcceptorCounter.MESSAGES_SENT),
                venue.value(AcceptorCounter.SEQUENCES_SENT));
        }

        public String toString()
        {
            return "gateway sent " + gatewayBusiness + " business, " + gatewaySequences + " Sequence; venue sent " +
                venueBusiness + " business, " + venueSequences + " Sequence";
        }
    }

    /**
     * Frames decode printed, by direction and kind.
     */
    private static final class Decoded
    {
        final DecodeSummary summary;
        final String output;
        long toVenueBusiness;
        long toVenueSequences;
        long fromVenueBusiness;
        long fromVenueSequences;

        private Decoded(final DecodeSummary summary, final String output)
        {
            this.summary = summary;
            this.output = output;
        }

        static Decoded of(final Path file, final int port)
        {
            final StringWriter out = new StringWriter();
            final DecodeSummary summary;
            try (CaptureDecoder decoder = new CaptureDecoder(
                new DecodeOptions().format(PrintFormat.JSON).ilink3Port(port), new PrintWriter(out)))
            {
                decoder.decode(file);
                summary = decoder.finish();
            }
            final Decoded decoded = new Decoded(summary, out.toString());
            final String toVenue = " > 127.0.0.1:" + port + "\"";
            for (final String line : decoded.output.split(System.lineSeparator()))
            {
                if (!line.startsWith("{\"kind\":\"ilink3\""))
                {
                    continue;
                }
                final Matcher template = TEMPLATE.matcher(line);
                assertTrue(template.find(), line);
                final int templateId = Integer.parseInt(template.group(1));
                final boolean fromGateway = line.contains(toVenue);
                if (templateId >= FIRST_BUSINESS_TEMPLATE)
                {
                    if (fromGateway)
                    {
                        decoded.toVenueBusiness++;
                    }
                    else
                    {
                        decoded.fromVenueBusiness++;
                    }
                }
                else if (SEQUENCE_TEMPLATE == templateId)
                {
                    if (fromGateway)
                    {
                        decoded.toVenueSequences++;
                    }
                    else
                    {
                        decoded.fromVenueSequences++;
                    }
                }
            }
            return decoded;
        }
    }
}
