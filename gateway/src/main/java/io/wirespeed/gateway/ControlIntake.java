package io.wirespeed.gateway;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.SetLimitDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.TimeUnit;

/**
 * The control stream's intake: takes a Kill, Resume or SetLimit only when it carries the operator key's MAC and a
 * timestamp later than the last one taken and near the host's wall clock (so a message copied off the stream cannot be
 * played again); anything
 * else is refused, counted and answered with the reason.
 */
public final class ControlIntake implements FragmentHandler
{
    /** Bytes of an operator name in control messages and acks. */
    public static final int OPERATOR_LENGTH = KillDecoder.operatorNameLength();

    /** How far a control message's timestamp may be from the gateway's clock, either way. */
    public static final long MAX_CLOCK_DIFFERENCE_NS = TimeUnit.SECONDS.toNanos(30);

    /** The operator of a kill the gateway tripped on its own. */
    static final byte[] NO_OPERATOR = new byte[OPERATOR_LENGTH];

    private final OrderGatewayLogic logic;
    private final GatewayCounters counters;
    private final ControlMac mac;
    private final EpochNanoClock wallClock;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final KillDecoder kill = new KillDecoder();
    private final ResumeDecoder resume = new ResumeDecoder();
    private final SetLimitDecoder setLimit = new SetLimitDecoder();
    private final byte[] operator = new byte[OPERATOR_LENGTH];
    private long lastTimestampNs = Long.MIN_VALUE;

    /**
     * An intake that drives the order logic's control operations.
     *
     * @param logic    the order logic.
     * @param counters the gateway's counters.
     * @param mac      verifies with the operator key.
     * @param wallClock the host's wall clock, that operators sign with and a control message's timestamp must be
     *                  near (not the appliance's clock, which may be a replay's).
     */
    public ControlIntake(
        final OrderGatewayLogic logic,
        final GatewayCounters counters,
        final ControlMac mac,
        final EpochNanoClock wallClock)
    {
        this.wallClock = wallClock;
        this.logic = logic;
        this.counters = counters;
        this.mac = mac;
    }

    /**
     * {@inheritDoc}
     */
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header frame)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            counters.increment(GatewayCounter.MALFORMED_MESSAGES);
            return;
        }
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int minBlockLength = minBlockLength(templateId);
        if (KillDecoder.SCHEMA_ID != header.schemaId() || minBlockLength < 0 || blockLength < minBlockLength ||
            length < MessageHeaderDecoder.ENCODED_LENGTH + blockLength)
        {
            counters.increment(GatewayCounter.MALFORMED_MESSAGES);
            return;
        }
        final int version = header.version();
        switch (templateId)
        {
            case KillDecoder.TEMPLATE_ID:
                kill.wrap(buffer, body, blockLength, version);
                kill.getOperatorName(operator, 0);
                if (authentic(buffer, offset, templateId, kill.scope(), kill.targetId(), kill.timestampNs()))
                {
                    logic.onKill(kill.scope(), kill.targetId(), operator);
                }
                break;
            case ResumeDecoder.TEMPLATE_ID:
                resume.wrap(buffer, body, blockLength, version);
                resume.getOperatorName(operator, 0);
                if (authentic(buffer, offset, templateId, resume.scope(), resume.targetId(), resume.timestampNs()))
                {
                    logic.onResume(resume.scope(), resume.targetId(), operator);
                }
                break;
            default:
                setLimit.wrap(buffer, body, blockLength, version);
                setLimit.getOperatorName(operator, 0);
                if (authentic(buffer, offset, templateId, setLimit.scope(), setLimit.targetId(),
                    setLimit.timestampNs()))
                {
                    logic.onSetLimit(setLimit.scope(), setLimit.targetId(), setLimit.limitType(), setLimit.value(),
                        operator);
                }
                break;
        }
    }

    private boolean authentic(
        final DirectBuffer buffer,
        final int offset,
        final int templateId,
        final ControlScope scope,
        final long targetId,
        final long timestampNs)
    {
        ControlRefusal refusal = ControlRefusal.NONE;
        if (!mac.verify(buffer, offset))
        {
            refusal = ControlRefusal.NOT_AUTHENTICATED;
        }
        else if (timestampNs <= lastTimestampNs ||
            Math.abs(wallClock.nanoTime() - timestampNs) > MAX_CLOCK_DIFFERENCE_NS)
        {
            refusal = ControlRefusal.REPLAYED;
        }
        if (ControlRefusal.NONE != refusal)
        {
            logic.onControlRefused(templateId, null == scope ? ControlScope.NULL_VAL : scope, targetId, refusal,
                operator);
            return false;
        }
        lastTimestampNs = timestampNs;
        return true;
    }

    private static int minBlockLength(final int templateId)
    {
        switch (templateId)
        {
            case KillDecoder.TEMPLATE_ID:
                return KillDecoder.BLOCK_LENGTH;
            case ResumeDecoder.TEMPLATE_ID:
                return ResumeDecoder.BLOCK_LENGTH;
            case SetLimitDecoder.TEMPLATE_ID:
                return SetLimitDecoder.BLOCK_LENGTH;
            default:
                return -1;
        }
    }
}
