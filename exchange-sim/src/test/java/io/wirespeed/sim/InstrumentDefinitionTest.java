package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderDecoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.MessageHeaderDecoder;
import io.wirespeed.codecs.mdp3.MessageSizeDecoder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.wirespeed.sim.SimHarness.CL;
import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
