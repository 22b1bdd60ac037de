package io.wirespeed.codecs.compat;

import io.wirespeed.codecs.print.MessagePrinter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wirespeed internal schema: every message round-trips through the generated codecs, prints, and carries the
 * timestamps stage latency is computed from.
 */
final class InternalSchemaTest
{
    private static final String PACKAGE = "io.wirespeed.codecs.internal";
    private static final Set<String> MARKET_DATA = Set.of(
        "BookUpdate", "TopOfBook", "Trade", "InstrumentStatus", "FeedState", "InstrumentDefinition", "Statistic");
    private static final Set<String> ORDER_REQUESTS = Set.of("NewOrder", "CancelOrder", "ReplaceOrder");
    private static final Set<String> ORDER_OUTCOMES = Set.of("ExecutionReport", "RiskDecision", "OrderSent");

    private static Ir ir;

    @BeforeAll
    static void parse() throws Exception
    {
        ir = ReferenceSchemas.parseSubset("wirespeed.xml");
    }

    @Test
    void schemaIdentity()
    {
        assertEquals(100, ir.id());
        assertEquals(PACKAGE, ir.packageName());
        assertTrue(ir.messages().size() >= 18, "messages: " + ir.messages().size());
    }

    @Test
    void everyMessageRoundTripsEveryField()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
        for (final List<Token> message : ir.messages())
        {
            final ReflectiveCodec codec = new ReflectiveCodec(message, getClass().getClassLoader(), PACKAGE);
            for (final ReflectiveCodec.Shape shape : ReflectiveCodec.Shape.values())
            {
                buffer.setMemory(0, buffer.capacity(), (byte)0);
                final List<String> written = new ArrayList<>();
                final int encodedLength = codec.encode(buffer, message.get(0).id() * 31L + shape.ordinal(), shape,
                    written);
                final List<String> read = new ArrayList<>();
                final int decodedLength = codec.decode(buffer, read);

                final String name = message.get(0).name() + " " + shape;
                assertEquals(encodedLength, decodedLength, name);
                assertFalse(written.isEmpty(), name);
                assertEquals(written, read, name);
            }
        }
    }

    @Test
    void everyMessagePrintsAsTextAndJson()
    {
        final MessagePrinter printer = MessagePrinter.fromClasspath();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
        for (final List<Token> message : ir.messages())
        {
            final ReflectiveCodec codec = new ReflectiveCodec(message, getClass().getClassLoader(), PACKAGE);
            final int length = codec.encode(buffer, 7, ReflectiveCodec.Shape.SEVERAL, new ArrayList<>());
            final String name = message.get(0).name();

            final String text = printer.text(buffer, 0, length);
            assertTrue(text.startsWith(name + " [100:" + message.get(0).id() + " v" + ir.version() + "] {"), text);
            final String json = printer.json(buffer, 0, length);
            assertTrue(json.startsWith("{\"message\":\"" + name + "\",\"schemaId\":100,"), json);
        }
    }

    @Test
    void marketDataCarriesRxAndPublishTimestamps()
    {
        for (final String name : MARKET_DATA)
        {
            final Set<String> fields = fieldNames(name);
            assertTrue(fields.contains("rxTimestampNs"), name + " " + fields);
            assertTrue(fields.contains("publishTimestampNs"), name + " " + fields);
        }
    }

    @Test
    void ordersCarryTheTriggeringTickTimestamp()
    {
        for (final String name : ORDER_REQUESTS)
        {
            final Set<String> fields = fieldNames(name);
            assertTrue(fields.contains("triggerRxTimestampNs"), name + " " + fields);
            assertTrue(fields.contains("strategyTimestampNs"), name + " " + fields);
        }
        for (final String name : ORDER_OUTCOMES)
        {
            final Set<String> fields = fieldNames(name);
            assertTrue(fields.contains("triggerRxTimestampNs"), name + " " + fields);
            assertTrue(fields.contains("gatewayRxTimestampNs"), name + " " + fields);
        }
        assertTrue(fieldNames("OrderSent").contains("txTimestampNs"));
    }

    private static Set<String> fieldNames(final String messageName)
    {
        for (final List<Token> message : ir.messages())
        {
            if (message.get(0).name().equals(messageName))
            {
                final Set<String> names = new TreeSet<>();
                for (final Token token : message)
                {
                    if (token.signal() == Signal.BEGIN_FIELD)
                    {
                        names.add(token.name());
                    }
                }
                return names;
            }
        }
        throw new AssertionError("no message " + messageName + " in wirespeed.xml");
    }
}
