package io.wirespeed.codecs.compat;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;

import io.wirespeed.codecs.compat.ReflectiveCodec.Shape;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.Token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The project's CME subset schemas against CME's official files: same templates and layouts, and codecs generated
 * from either encode the same bytes and decode each other's, for every supported template.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class CmeSubsetCompatibilityTest
{
    static final List<String> MDP3_TEMPLATES = List.of(
        "ChannelReset4", "AdminHeartbeat12", "SecurityStatus30", "MDIncrementalRefreshVolume37",
        "MDIncrementalRefreshBook46", "MDIncrementalRefreshOrderBook47", "MDIncrementalRefreshTradeSummary48",
        "MDIncrementalRefreshDailyStatistics49", "MDIncrementalRefreshLimitsBanding50",
        "MDIncrementalRefreshSessionStatistics51", "SnapshotFullRefresh52", "SnapshotFullRefreshOrderBook53",
        "MDInstrumentDefinitionFuture54");

    static final List<String> ILINK3_TEMPLATES = List.of(
        "Negotiate500", "NegotiationResponse501", "NegotiationReject502", "Establish503", "EstablishmentAck504",
        "EstablishmentReject505", "Sequence506", "Terminate507", "RetransmitRequest508", "Retransmission509",
        "RetransmitReject510", "NotApplied513", "NewOrderSingle514", "OrderCancelReplaceRequest515",
        "OrderCancelRequest516", "BusinessReject521", "ExecutionReportNew522", "ExecutionReportReject523",
        "ExecutionReportTradeOutright525", "ExecutionReportModify531", "ExecutionReportCancel534",
        "OrderCancelReject535", "OrderCancelReplaceReject536", "OrderMassActionRequest529",
        "OrderMassStatusRequest530", "ExecutionReportStatus532", "OrderStatusRequest533", "OrderMassActionReport562");

    /**
     * The one place the subset departs from CME's text, on purpose: CME's charNULL says {@code nullValue="0"} and means
     * the byte 0x00 (what CME sends), but SBE reads a char null value as the character '0'. The official codecs are
     * generated with the attribute dropped, which is what CME means; {@link CharNullTest} checks the bytes.
     */
    static final String ILINK3_CHAR_NULL_AS_WRITTEN =
        "<type name=\"charNULL\" description=\"Char with null value\" presence=\"optional\" nullValue=\"0\" " +
        "primitiveType=\"char\" semanticType=\"char\"/>";
    static final String ILINK3_CHAR_NULL_AS_MEANT =
        "<type name=\"charNULL\" description=\"Char with null value\" presence=\"optional\" " +
        "primitiveType=\"char\" semanticType=\"char\"/>";

    /** Not CME templates: carriers that make SBE generate the MDP 3.0 packet framing composites. */
    static final Set<String> MDP3_ADDITIONS = Set.of("PacketFraming", "BinaryPacketHeader", "MessageSize");

    private static final long SEED = 0x5EED_CAFE_F00DL;

    private final Map<String, Venue> venues = new TreeMap<>();
    private final Map<String, AtomicInteger> checkedOfficialToSubset = new TreeMap<>();
    private final Map<String, AtomicInteger> checkedSubsetToOfficial = new TreeMap<>();

    @BeforeAll
    void generateOfficialCodecs() throws Exception
    {
        final Path reference = ReferenceSchemas.referenceDirectory();
        final boolean present = Files.isRegularFile(reference.resolve(ReferenceSchemas.MDP3_FILE)) &&
            Files.isRegularFile(reference.resolve(ReferenceSchemas.ILINK3_FILE));
        if (!present)
        {
            System.out.println("SKIPPED byte-compatibility: ../shared/reference not found at " + reference);
        }
        assumeTrue(present, "../shared/reference not found at " + reference);

        final Path work = ReferenceSchemas.buildDirectory().resolve("official-codecs");
        venues.put("mdp3", new Venue(
            reference.resolve(ReferenceSchemas.MDP3_FILE), "mdp3-subset.xml", "official.mdp3", MDP3_TEMPLATES,
            MDP3_ADDITIONS, work.resolve("mdp3")));
        venues.put("ilink3", new Venue(
            asMeant(reference.resolve(ReferenceSchemas.ILINK3_FILE), work.resolve("ilink3-as-meant.xml")),
            "ilink3-subset.xml", "official.ilink3", ILINK3_TEMPLATES,
            Set.of(), work.resolve("ilink3")));
    }

    @AfterAll
    void report() throws Exception
    {
        for (final Map.Entry<String, Venue> entry : venues.entrySet())
        {
            final String venue = entry.getKey();
            System.out.println("byte-compatibility " + venue + ": " + entry.getValue().supported.size() +
                " supported templates; official->subset checked " + count(checkedOfficialToSubset, venue) +
                ", subset->official checked " + count(checkedSubsetToOfficial, venue) +
                " (groups and var data empty, one, several; identical bytes from both encoders)");
            entry.getValue().loader.close();
        }
    }

    @Test
    void headerAndGroupSizeCompositesAreIdentical()
    {
        for (final Venue venue : venues.values())
        {
            int checked = 0;
            for (final Map.Entry<String, Element> type : venue.officialXml.types.entrySet())
            {
                final String name = type.getKey();
                if ("messageHeader".equals(name) || name.startsWith("groupSize"))
                {
                    final Element subset = venue.subsetXml.types.get(name);
                    assertNotNull(subset, venue.subsetFile + " lacks composite " + name);
                    assertEquals(SchemaXml.describe(type.getValue()), SchemaXml.describe(subset), name);
                    checked++;
                }
            }
            assertEquals(SchemaXml.describe(venue.official.headerStructure().tokens()),
                SchemaXml.describe(venue.subset.headerStructure().tokens()), "messageHeader IR");
            assertEquals(venue.official.byteOrder(), venue.subset.byteOrder());
            assertEquals(venue.official.id(), venue.subset.id());
            assertEquals(venue.official.version(), venue.subset.version());
            assertTrue(checked >= 2, "messageHeader and at least one groupSize composite");
        }
    }

    @Test
    void typesAndMessagesAreVerbatimCopies()
    {
        for (final Venue venue : venues.values())
        {
            for (final Map.Entry<String, Element> type : venue.subsetXml.types.entrySet())
            {
                if (!venue.additions.contains(type.getKey()))
                {
                    final Element official = venue.officialXml.types.get(type.getKey());
                    assertNotNull(official, venue.subsetFile + " type " + type.getKey() + " is not official");
                    assertEquals(SchemaXml.describe(official), SchemaXml.describe(type.getValue()), type.getKey());
                }
            }

            for (final Map.Entry<String, Element> message : venue.subsetXml.messages.entrySet())
            {
                if (!venue.additions.contains(message.getKey()))
                {
                    final Element official = venue.officialXml.messages.get(message.getKey());
                    assertNotNull(official, venue.subsetFile + " message " + message.getKey() + " is not official");
                    assertEquals(
                        SchemaXml.describe(official), SchemaXml.describe(message.getValue()), message.getKey());
                }
            }
        }
    }

    @Test
    void supportedTemplatesMatchOfficialIdsNamesBlockLengthsVersionsAndLayouts()
    {
        for (final Map.Entry<String, Venue> entry : venues.entrySet())
        {
            final Venue venue = entry.getValue();
            final List<String> subsetNames = new ArrayList<>();
            for (final List<Token> tokens : venue.subset.messages())
            {
                if (!venue.additions.contains(tokens.get(0).name()))
                {
                    subsetNames.add(tokens.get(0).name());
                }
            }
            assertEquals(Set.copyOf(venue.supported), Set.copyOf(subsetNames), entry.getKey() + " supported templates");

            for (final String name : venue.supported)
            {
                final List<Token> subset = venue.subsetMessage(name);
                final List<Token> official = venue.official.getMessage(subset.get(0).id());
                assertNotNull(official, "official " + entry.getKey() + " has no template " + subset.get(0).id());
                final Token o = official.get(0);
                final Token s = subset.get(0);
                final String line = String.format("%s %s id=%d blockLength=%d version=%d",
                    entry.getKey(), o.name(), o.id(), o.encodedLength(), o.version());
                System.out.println("supported " + line);
                assertEquals(line, String.format("%s %s id=%d blockLength=%d version=%d",
                    entry.getKey(), s.name(), s.id(), s.encodedLength(), s.version()));
                assertEquals(SchemaXml.describe(official), SchemaXml.describe(subset), name + " IR tokens");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everySupportedTemplateRoundTripsBothWays()
    {
        final List<DynamicTest> tests = new ArrayList<>();
        for (final Map.Entry<String, Venue> entry : venues.entrySet())
        {
            for (final String name : entry.getValue().supported)
            {
                tests.add(DynamicTest.dynamicTest(
                    entry.getKey() + " " + name, () -> roundTrip(entry.getKey(), entry.getValue(), name)));
            }
        }

        return tests.stream();
    }

    private void roundTrip(final String venueName, final Venue venue, final String name)
    {
        final List<Token> subsetTokens = venue.subsetMessage(name);
        final List<Token> officialTokens = venue.official.getMessage(subsetTokens.get(0).id());
        final ReflectiveCodec official = new ReflectiveCodec(officialTokens, venue.loader, venue.officialPackage);
        final ReflectiveCodec subset = new ReflectiveCodec(
            subsetTokens, getClass().getClassLoader(), venue.subset.packageName());

        for (final Shape shape : Shape.values())
        {
            final long seed = SEED ^ ((long) venue.official.id() << 40) ^ (subsetTokens.get(0).id() << 8) ^
                shape.ordinal();
            final String context = venueName + " " + name + " " + shape + " seed=" + seed;
            final UnsafeBuffer officialBuffer = new UnsafeBuffer(new byte[64 * 1024]);
            final UnsafeBuffer subsetBuffer = new UnsafeBuffer(new byte[64 * 1024]);
            final List<String> officialWritten = new ArrayList<>();
            final List<String> subsetWritten = new ArrayList<>();

            final int officialLength = official.encode(officialBuffer, seed, shape, officialWritten);
            final int subsetLength = subset.encode(subsetBuffer, seed, shape, subsetWritten);
            assertValuesEqual(officialWritten, subsetWritten, context + " values written");
            assertEquals(officialLength, subsetLength, context + " encoded length");
            assertArrayEquals(bytes(officialBuffer, officialLength), bytes(subsetBuffer, subsetLength),
                context + " encoded bytes");

            final List<String> readBySubset = new ArrayList<>();
            assertEquals(officialLength, subset.decode(officialBuffer, readBySubset), context + " subset decode");
            assertValuesEqual(officialWritten, readBySubset, context + " official->subset");

            final List<String> readByOfficial = new ArrayList<>();
            assertEquals(subsetLength, official.decode(subsetBuffer, readByOfficial), context + " official decode");
            assertValuesEqual(subsetWritten, readByOfficial, context + " subset->official");
        }

        checkedOfficialToSubset.computeIfAbsent(venueName, (k) -> new AtomicInteger()).incrementAndGet();
        checkedSubsetToOfficial.computeIfAbsent(venueName, (k) -> new AtomicInteger()).incrementAndGet();
    }

    private static Path asMeant(final Path official, final Path corrected) throws java.io.IOException
    {
        final String text = Files.readString(official);
        assertTrue(text.contains(ILINK3_CHAR_NULL_AS_WRITTEN), "official charNULL changed: review the correction");
        Files.createDirectories(corrected.getParent());
        Files.writeString(corrected, text.replace(ILINK3_CHAR_NULL_AS_WRITTEN, ILINK3_CHAR_NULL_AS_MEANT));
        return corrected;
    }

    private static void assertValuesEqual(final List<String> expected, final List<String> actual, final String context)
    {
        for (int i = 0, n = Math.min(expected.size(), actual.size()); i < n; i++)
        {
            if (!Objects.equals(expected.get(i), actual.get(i)))
            {
                fail(context + ": value " + i + " expected <" + expected.get(i) + "> but was <" + actual.get(i) + ">");
            }
        }
        assertEquals(expected.size(), actual.size(), context + ": number of values");
    }

    private static byte[] bytes(final UnsafeBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static int count(final Map<String, AtomicInteger> counts, final String venue)
    {
        final AtomicInteger count = counts.get(venue);
        return null == count ? 0 : count.get();
    }

    private static final class Venue
    {
        final String subsetFile;
        final String officialPackage;
        final List<String> supported;
        final Set<String> additions;
        final Ir official;
        final Ir subset;
        final SchemaXml officialXml;
        final SchemaXml subsetXml;
        final URLClassLoader loader;

        Venue(
            final Path officialFile,
            final String subsetFile,
            final String officialPackage,
            final List<String> supported,
            final Set<String> additions,
            final Path workDirectory) throws Exception
        {
            this.subsetFile = subsetFile;
            this.officialPackage = officialPackage;
            this.supported = supported;
            this.additions = additions;
            this.official = ReferenceSchemas.parse(officialFile, officialPackage);
            this.subset = ReferenceSchemas.parseSubset(subsetFile);
            this.officialXml = SchemaXml.read(officialFile.toUri().toURL());
            this.subsetXml = SchemaXml.read(getClass().getResource("/schemas/" + subsetFile));
            this.loader = ReferenceSchemas.generateAndLoad(official, workDirectory);
        }

        List<Token> subsetMessage(final String name)
        {
            for (final List<Token> tokens : subset.messages())
            {
                if (tokens.get(0).name().equals(name))
                {
                    return tokens;
                }
            }

            throw new IllegalStateException(subsetFile + " has no message " + name);
        }
    }
}
