package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.strategy.Strategy;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyOrder;
import io.wirespeed.strategy.StrategySettings;
import org.agrona.concurrent.status.CountersReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers for the venue-session and multi-process system tests: a strategy that records every answer it gets,
 * and counter look-ups by type id in the appliance's counters file or the Aeron counters.
 */
final class SessionProbe
{
    private SessionProbe()
    {
    }

    /**
     * One execution report as the strategy saw it.
     */
    record Report(long clOrdId, long origClOrdId, ExecType execType, OrdStatus ordStatus, RejectReason rejectReason,
        long execId)
    {
    }

    /**
     * One risk decision as the strategy saw it.
     */
    record Decision(long clOrdId, RiskResult result, RejectReason rejectReason)
    {
    }

    /**
     * A strategy that records its execution reports and risk decisions in arrival order.
     */
    static final class Recorder implements Strategy
    {
        final List<Report> reports = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();

        public void onExecutionReport(final StrategyOrder order, final ExecutionReportDecoder report)
        {
            reports.add(new Report(report.clOrdId(), report.origClOrdId(), report.execType(), report.ordStatus(),
                report.rejectReason(), report.execId()));
        }

        public void onRiskDecision(final StrategyOrder order, final RiskDecisionDecoder decision)
        {
            decisions.add(new Decision(decision.clOrdId(), decision.result(), decision.rejectReason()));
        }

        List<Report> reports(final long clOrdId)
        {
            final List<Report> found = new ArrayList<>();
            for (final Report report : reports)
            {
                if (report.clOrdId() == clOrdId || report.origClOrdId() == clOrdId)
                {
                    found.add(report);
                }
            }
            return found;
        }

        long count(final ExecType execType)
        {
            return reports.stream().filter((r) -> r.execType() == execType).count();
        }

        Decision decision(final long clOrdId)
        {
            for (final Decision decision : decisions)
            {
                if (decision.clOrdId() == clOrdId)
                {
                    return decision;
                }
            }
            return null;
        }

        long refusals(final RejectReason reason)
        {
            return decisions.stream()
                .filter((d) -> RiskResult.REJECTED == d.result() && reason == d.rejectReason()).count();
        }
    }

    /**
     * A scripted strategy of the rig whose answers are recorded.
     *
     * @param rig      the rig it joins (pumped with the rig's other scripted strategies).
     * @param name     configured strategy name.
     * @param recorder gets its answers.
     * @return the client.
     */
    static StrategyClient recorded(final OrderPathRig rig, final String name, final Recorder recorder)
    {
        final StrategyClient client = StrategyClient.create(
            StrategySettings.from(rig.config, name), rig.appliance.aeron, (c) -> recorder, rig.clock);
        rig.scripted.add(client);
        return client;
    }

    /**
     * The venue session's counter in the appliance's counters file.
     *
     * @param rig     the rig.
     * @param counter which one.
     * @return its value.
     */
    static long session(final OrderPathRig rig, final SessionCounter counter)
    {
        return value(rig.appliance.counters.reader(), counter.typeId(), "venue session");
    }

    /**
     * The gateway's counter in the appliance's counters file.
     *
     * @param rig     the rig.
     * @param counter which one.
     * @return its value.
     */
    static long gateway(final OrderPathRig rig, final GatewayCounter counter)
    {
        return value(rig.appliance.counters.reader(), counter.typeId(), "");
    }

    /**
     * The value of the one allocated counter of a type whose label contains some text.
     *
     * @param reader    over the counters.
     * @param typeId    the counter's type id.
     * @param labelPart text its label contains.
     * @return the value.
     * @throws AssertionError when no such counter is allocated.
     */
    static long value(final CountersReader reader, final int typeId, final String labelPart)
    {
        final int counterId = find(reader, typeId, labelPart);
        if (CountersReader.NULL_COUNTER_ID == counterId)
        {
            throw new AssertionError("no counter of type " + typeId + " labelled '" + labelPart + "'");
        }
        return reader.getCounterValue(counterId);
    }

    /**
     * The id of the allocated counter of a type whose label contains some text.
     *
     * @param reader    over the counters.
     * @param typeId    the counter's type id.
     * @param labelPart text its label contains.
     * @return the counter id, or {@link CountersReader#NULL_COUNTER_ID} when none is allocated.
     */
    static int find(final CountersReader reader, final int typeId, final String labelPart)
    {
        final int[] found = new int[1];
        found[0] = CountersReader.NULL_COUNTER_ID;
        reader.forEach((counterId, type, keyBuffer, label) ->
        {
            if (type == typeId && label.contains(labelPart) &&
                CountersReader.RECORD_ALLOCATED == reader.getCounterState(counterId))
            {
                found[0] = counterId;
            }
        });
        return found[0];
    }
}
