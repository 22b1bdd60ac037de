package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderDecoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.MessageHeaderDecoder;
import io.wirespeed.codecs.mdp3.MessageSizeDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.wirespeed.sim.SimHarness.CL;
import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instrument definition loop describes each future as CME's MDInstrumentDefinitionFuture54 does, checked on the
 * decoded wire against values worked out by hand from the contract specifications.
 */
class InstrumentDefinitionTest
{
    @TempDir
    Path dir;

    @Test
    void tickValueIsTickSizeTimesPointValue()
    {
        final Map<Integer, Long> tickValues = new HashMap<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final MDInstrumentDefinitionFuture54Decoder definition = new MDInstrumentDefinitionFuture54Decoder();
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(5)))
        {
            harness.payloadHandler((feed, buffer, offset, length) ->
            {
                if (SimHarness.Feed.DEFINITION == feed)
                {
                    final int messageOffset = offset + BinaryPacketHeaderDecoder.ENCODED_LENGTH +
                        MessageSizeDecoder.ENCODED_LENGTH;
                    header.wrap(buffer, messageOffset);
                    definition.wrap(buffer, messageOffset + MessageHeaderDecoder.ENCODED_LENGTH,
                        header.blockLength(), header.version());
                    tickValues.put(definition.securityID(), definition.minPriceIncrementAmount().mantissa());
                }
            });

            harness.step(0);
        }

        assertEquals(12_500_000_000L, tickValues.get(ES), "ES: 0.25 index points x $50 = $12.50");
        assertEquals(5_000_000_000L, tickValues.get(NQ), "NQ: 0.25 index points x $20 = $5.00");
        assertEquals(10_000_000_000L, tickValues.get(CL), "CL: $0.01 x 1,000 barrels = $10.00");
    }

    /**
     * ES December 2025 as the definition loop describes it at the simulator's start (2025-11-24): its contract month,
     * its last trade on the third Friday (2025-12-19 13:30 UTC, {@code date -u -d '2025-12-19 13:30' +%s}), listed
     * two years before; the outright book at the channel's depth and the implied book at 2; tick value $12.50; the
     * prior session's final settlement at the opening mid (1000.00) with the limits 7% either side and a band of
     * 5 per mille; and CL January 2026, last traded 2025-12-20 19:30 UTC, eligible for negative prices.
     */
    @Test
    void aDefinitionCarriesWhatACmeFutureDoes()
    {
        final FeedRecorder recorder = new FeedRecorder(10);
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(5)))
        {
            harness.payloadHandler(recorder);
            harness.step(0);
        }

        final int priorTradeDate = (int)(SimHarness.T0_NS / 86_400_000_000_000L) - 1;
        final RecoveryRecorder.Terms es = recorder.recovery.terms.get(ES);
        assertEquals(2025, es.maturityYear());
        assertEquals(12, es.maturityMonth());
        assertEquals("FUT", es.securityType());
        assertEquals("FFICSX", es.cfiCode());
        assertEquals("IPNT", es.unitOfMeasure());
        assertEquals(5, es.underlyingProduct(), "equity");
        assertEquals(50, es.contractMultiplier());
        assertEquals(12_500_000_000L, es.tickValue());
        assertEquals("USD", es.currency());
        assertEquals('F', es.matchAlgorithm());
        assertEquals(List.of("Activation@1702944000000000000", "LastEligibleTradeDate@1766151000000000000"),
            es.events());
        assertEquals(List.of("GBX:10", "GBI:2"), es.feedTypes());
        assertEquals(List.of("1:10000"), es.lotTypes(), "odd lot, minimum 1");
        assertEquals(1, es.attributes() & 1, "electronic match eligible");
        assertEquals(0, es.attributes() & (1 << 10), "not eligible for negative prices");
        assertEquals(1_000_000_000_000L, es.tradingReferencePrice(), "the prior session's settlement");
        assertEquals(priorTradeDate, es.tradingReferenceDate());
        assertEquals(0b11, es.settlPriceType(), "final, actual");
        assertEquals(1_070_000_000_000L, es.highLimit());
        assertEquals(930_000_000_000L, es.lowLimit());
        assertEquals(5_000_000_000L, es.maxPriceVariation());
        assertTrue(es.openInterest() >= 1_000_000 && es.openInterest() < 3_000_000, "open interest");
        assertTrue(es.clearedVolume() >= 200_000 && es.clearedVolume() < 1_200_000, "cleared volume");

        final RecoveryRecorder.Terms cl = recorder.recovery.terms.get(CL);
        assertEquals(2026, cl.maturityYear());
        assertEquals(1, cl.maturityMonth());
        assertEquals("FCEPSX", cl.cfiCode());
        assertEquals("BBL", cl.unitOfMeasure());
        assertEquals(16, cl.underlyingProduct(), "energy");
        assertEquals(1000, cl.contractMultiplier());
        assertEquals(List.of("Activation@1703030400000000000", "LastEligibleTradeDate@1766259000000000000"),
            cl.events());
        assertEquals(1 << 10, cl.attributes() & (1 << 10), "eligible for negative prices");
        assertEquals(NQ, recorder.recovery.definitions.get(1).securityId());
    }
}
