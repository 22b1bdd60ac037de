package io.wirespeed.codecs.print;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class MessagePrinterTest
{
    private static final MessagePrinter PRINTER = MessagePrinter.fromClasspath();
    private static final int OFFSET = 16;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);

    @Test
    void mdp3BookAsText()
    {
        final int length = SampleMessages.mdp3Book(buffer, OFFSET);

        assertEquals("MDIncrementalRefreshBook46 [1:46 v9] {TransactTime=1700000000123456789, " +
            "MatchEventIndicator=[LastQuoteMsg, EndOfEvent], NoMDEntries=[" +
            "{MDEntryPx=4500.25, MDEntrySize=10, SecurityID=42, RptSeq=7, NumberOfOrders=null, MDPriceLevel=1, " +
            "MDUpdateAction=New, MDEntryType=Bid}, " +
            "{MDEntryPx=-1, MDEntrySize=3, SecurityID=42, RptSeq=8, NumberOfOrders=2, MDPriceLevel=2, " +
            "MDUpdateAction=Change, MDEntryType=Offer}], NoOrderIDEntries=[" +
            "{OrderID=123456789012, MDOrderPriority=null, MDDisplayQty=5, ReferenceID=1, OrderUpdateAction=New}]}",
            PRINTER.text(buffer, OFFSET, length));
    }

    @Test
    void mdp3SecurityStatusAsJson()
    {
        final int length = SampleMessages.mdp3SecurityStatus(buffer, OFFSET);

        assertEquals("{\"message\":\"SecurityStatus30\",\"schemaId\":1,\"templateId\":30,\"version\":9,\"fields\":{" +
            "\"TransactTime\":1700000000123456789,\"SecurityGroup\":\"ES\",\"Asset\":\"ES\",\"SecurityID\":null," +
            "\"TradeDate\":20000,\"MatchEventIndicator\":[\"EndOfEvent\"],\"SecurityTradingStatus\":\"ReadyToTrade\"," +
            "\"HaltReason\":\"GroupSchedule\",\"SecurityTradingEvent\":\"NoEvent\"}}",
            PRINTER.json(buffer, OFFSET, length));
    }

    @Test
    void mdp3ConstantsArePrintedWithTheirSchemaValues()
    {
        final int length = SampleMessages.mdp3ChannelReset(buffer, OFFSET);

        assertEquals("ChannelReset4 [1:4 v9] {TransactTime=1700000000123456789, MatchEventIndicator=[EndOfEvent], " +
            "NoMDEntries=[{MDUpdateAction=0, MDEntryType=\"J\", ApplID=310}]}", PRINTER.text(buffer, OFFSET, length));
    }

    @Test
    void mdp3InstrumentDefinitionShowsStringsCompositesDecimalsAndSets()
    {
        final int length = SampleMessages.mdp3FutureDefinition(buffer, OFFSET);
        final String text = PRINTER.text(buffer, OFFSET, length);

        assertContains(text, "MDInstrumentDefinitionFuture54 [1:54 v9] {MatchEventIndicator=[], TotNumReports=null, " +
            "SecurityUpdateAction=Add, ");
        assertContains(text, "Symbol=\"ESZ4\", SecurityID=42, SecurityIDSource=\"8\", ");
        assertContains(text, "MaturityMonthYear={year=2024, month=12, day=null, week=null}, ");
        assertContains(text, "MatchAlgorithm=\"F\", ");
        assertContains(text, "DisplayFactor=0.01, ");
        assertContains(text, "UnitOfMeasureQty=null, ");
        assertContains(text, "NoEvents=[], NoMDFeedTypes=[], NoInstAttrib=[{InstAttribType=24, " +
            "InstAttribValue=[ElectronicMatchEligible, GTOrdersEligibility]}], NoLotTypeRules=[{LotType=2, " +
            "MinLotSize=1}]}");
    }

    @Test
    void ilink3NewOrderAsText()
    {
        final int length = SampleMessages.ilink3NewOrder(buffer, OFFSET);

        assertEquals("NewOrderSingle514 [8:514 v5] {Price=4500.25, OrderQty=5, SecurityID=42, Side=Buy, SeqNum=1, " +
            "SenderID=\"TRADER1\", ClOrdID=\"ORD-1\", PartyDetailsListReqID=77, OrderRequestID=1, " +
            "SendingTimeEpoch=1700000000123456789, StopPx=null, Location=\"US,IL\", MinQty=null, DisplayQty=null, " +
            "ExpireDate=null, OrdType=Limit, TimeInForce=Day, ManualOrderIndicator=Automated, ExecInst=[], " +
            "ExecutionMode=null, LiquidityFlag=null, ManagedOrder=null, ShortSaleType=null}",
            PRINTER.text(buffer, OFFSET, length));
    }

    @Test
    void ilink3CharNullEnumWrittenAsCmeNulByteIsAbsent()
    {
        final int length = SampleMessages.ilink3NewOrder(buffer, OFFSET);
        buffer.putByte(OFFSET + SampleMessages.ILINK3_HEADER_LENGTH + 112, (byte) 0);

        assertContains(PRINTER.text(buffer, OFFSET, length), "ExecutionMode=null");
    }

    @Test
    void ilink3NegotiateShowsConstantsAndVarDataInTextAndJson()
    {
        final int length = SampleMessages.ilink3Negotiate(buffer, OFFSET);

        assertEquals("Negotiate500 [8:500 v5] {CustomerFlow=\"IDEMPOTENT\", HMACVersion=\"CME-1-SHA-256\", " +
            "HMACSignature=\"0123456789abcdef0123456789abcdef\", AccessKeyID=\"KEY\", UUID=1700000000000, " +
            "RequestTimestamp=1700000000123456789, Session=\"ABC\", Firm=\"F1\", Credentials=\"s3cr\\\"t\"}",
            PRINTER.text(buffer, OFFSET, length));
        assertContains(PRINTER.json(buffer, OFFSET, length),
            "\"Session\":\"ABC\",\"Firm\":\"F1\",\"Credentials\":\"s3cr\\\"t\"}}");
    }

    @Test
    void ilink3FillWithGroupsAsJson()
    {
        final int length = SampleMessages.ilink3Fill(buffer, OFFSET);
        final String json = PRINTER.json(buffer, OFFSET, length);

        assertContains(json, "{\"message\":\"ExecutionReportTradeOutright525\",\"schemaId\":8,\"templateId\":525," +
            "\"version\":5,\"fields\":{\"SeqNum\":9,");
        assertContains(json, "\"LastPx\":4500.25,");
        assertContains(json, "\"ExecType\":\"F\",");
        assertContains(json, "\"NoFills\":[" +
            "{\"FillPx\":4500.25,\"FillQty\":1,\"FillExecID\":\"A1\",\"FillYieldType\":0}," +
            "{\"FillPx\":4500.5,\"FillQty\":1,\"FillExecID\":\"A2\",\"FillYieldType\":0}]," +
            "\"NoOrderEvents\":[{\"OrderEventPx\":4500.25,\"OrderEventText\":\"\",\"OrderEventExecID\":3," +
            "\"OrderEventQty\":2,\"OrderEventType\":\"PartiallyFilled\",\"OrderEventReason\":0}]}}");
    }

    static void assertContains(final String text, final String expected)
    {
        assertTrue(text.contains(expected), () -> "expected <" + expected + "> in <" + text + ">");
    }
}
