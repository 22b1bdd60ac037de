package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.exceptions.AeronException;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.KillEncoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.ResumeEncoder;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.ControlIntake;
import io.wirespeed.gateway.ControlMac;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code wirespeed kill}: trip (or with {@code --resume}, reset) the running appliance's kill switch over its control
 * stream, and report the gateway's answer.
 */
@Command(name = "kill", mixinStandardHelpOptions = true,
    description = {
        "Trip the running appliance's kill switch: new orders are refused and every open order in scope is canceled",
        "at the venue (the gateway keeps sending cancels until each is acknowledged, also after the venue session",
        "re-establishes); it stays latched until 'wirespeed kill --resume'. The message is signed with the operator",
        "key (gateway.control_key_file; unset: the running appliance's own key in aeron.dir). Exit 0 when the",
        "gateway acknowledged it, 1 when it refused, 3 when no gateway answered in time."
    })
final class KillCommand implements Callable<Integer>
{
    /**
     * Exit code when no appliance answered.
     */
    static final int EXIT_NO_ANSWER = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Option(names = "--strategy", paramLabel = "ID", defaultValue = "0",
        description = "only this strategy's orders (its configured id); 0 = every strategy (default)")
    long strategyId;

    @Option(names = "--resume", description = "reset the latched kill switch instead of tripping it")
    boolean resume;

    @Option(names = "--operator", paramLabel = "NAME",
        description = {"who is asking, up to 16 ASCII characters (default: the " +
            "user name); signed into the message and recorded in the gateway's ControlAck on the execution stream"})
    String operator;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000",
        description = "how long to wait for the gateway's answer (default: ${DEFAULT-VALUE})")
    long timeoutMs;

    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final WirespeedConfig config = CommandConfig.load(configFile, err);
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }
        final byte[] operatorName;
        final ControlMac mac;
        try
        {
            operatorName = operatorName();
            mac = null == config.gateway().controlKeyFile() ? null : new ControlMac(ControlKeys.forOperator(config));
        }
        catch (final Refusal ex)
        {
            err.println(ex.getMessage());
            return ex.exitCode();
        }
        try
        {
            DriverProbe.requireLive(config.aeron());
            return killOrResume(config, operatorName, mac, out, err);
        }
        catch (final Refusal refusal)
        {
            err.println(refusal.getMessage());
            return refusal.exitCode();
        }
        catch (final AeronException ex)
        {
            err.println("no running appliance: the media driver at " + config.aeron().dir() + " (aeron.dir) " +
                "stopped answering (" + ex.getMessage() + ")");
            return EXIT_NO_ANSWER;
        }
    }

    private int killOrResume(
        final WirespeedConfig config,
        final byte[] operatorName,
        final ControlMac mac,
        final PrintWriter out,
        final PrintWriter err)
    {
        final ControlMac signer;
        try
        {
            signer = null != mac ? mac : new ControlMac(ControlKeys.forOperator(config));
        }
        catch (final Refusal ex)
        {
            err.println(ex.getMessage());
            return ex.exitCode();
        }

        final ControlScope scope = 0 == strategyId ? ControlScope.GLOBAL : ControlScope.STRATEGY;
        try (Aeron aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(config.aeron().dir().toString())
                .driverTimeoutMs(config.aeron().driverTimeoutMs()));
            Subscription answers = aeron.addSubscription(config.aeron().channel(), config.aeron().executionStreamId());
            Publication control = aeron.addExclusivePublication(
                config.aeron().channel(), config.aeron().controlStreamId()))
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            final int templateId = send(control, scope, operatorName, signer, deadlineNs);
            if (templateId < 0)
            {
                err.println("no gateway is listening on the control stream " + config.aeron().controlStreamId() +
                    " of " + config.aeron().dir());
                return EXIT_NO_ANSWER;
            }
            final ControlAckDecoder ack = awaitAck(answers, templateId, scope, false, deadlineNs);
            if (null == ack)
            {
                err.println("the gateway did not answer within " + timeoutMs + " ms");
                return EXIT_NO_ANSWER;
            }
            final String what = (resume ? "resume" : "kill") +
                (ControlScope.GLOBAL == scope ? " (every strategy)" : " (strategy " + strategyId + ")");
            if (BooleanFlag.TRUE != ack.applied())
            {
                out.println(what + ": refused by the gateway: " + explain(ack.refusal()));
                out.flush();
                return 1;
            }
            final String by = " (operator " + text(operatorName) + ")";
            if (resume)
            {
                out.println(what + ": applied; new orders are accepted again" + by + "; the sample strategies " +
                    "(market-maker, tick-responder) trade again on this acknowledgement; a strategy of your own that " +
                    "stood down resumes only if its onControlAck does so, else restart it (wirespeed strategy NAME)");
                out.flush();
                return 0;
            }
            out.println(what + ": applied; new orders refused; " + progress(ack) + by);
            out.flush();
            final ControlAckDecoder done = BooleanFlag.TRUE == ack.complete() ? ack :
                awaitAck(answers, templateId, scope, true, deadlineNs);
            if (null == done)
            {
                out.println(what + ": not finished within " + timeoutMs + " ms; the gateway keeps sending the " +
                    "cancels still owed every duty cycle and again once the venue session re-establishes " +
                    "(counters: cancels sent, orders canceled)");
            }
            else
            {
                out.println(what + ": complete; " + progress(done));
            }
            out.flush();
            return 0;
        }
    }

    private static String progress(final ControlAckDecoder ack)
    {
        return ack.openOrdersCanceled() + " open order(s): " + ack.cancelsSent() + " cancel(s) sent, " +
            ack.canceled() + " finished at the venue" +
            (ack.canceled() < ack.openOrdersCanceled() ? ", " + (ack.openOrdersCanceled() - ack.canceled()) +
            " still to cancel" : "");
    }

    private static String explain(final ControlRefusal refusal)
    {
        switch (refusal)
        {
            case NOT_AUTHENTICATED:
                return "not signed with the appliance's operator key (" + ControlKeys.KEY + ": run with the same " +
                    "--config as the appliance)";
            case REPLAYED:
                return "its timestamp is not after the last control message's, or not within " +
                    TimeUnit.NANOSECONDS.toSeconds(ControlIntake.MAX_CLOCK_DIFFERENCE_NS) +
                    " s of the appliance's clock";
            case UNKNOWN_TARGET:
                return "unknown strategy";
            default:
                return String.valueOf(refusal);
        }
    }

    private byte[] operatorName()
    {
        final String name = null == operator ? System.getProperty("user.name", "") : operator;
        if (name.length() > ControlIntake.OPERATOR_LENGTH || !StandardCharsets.US_ASCII.newEncoder().canEncode(name))
        {
            throw Refusal.of("--operator", name, "at most " + ControlIntake.OPERATOR_LENGTH + " ASCII characters");
        }
        final byte[] bytes = new byte[ControlIntake.OPERATOR_LENGTH];
        final byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, ascii.length);
        return bytes;
    }

    private static String text(final byte[] operatorName)
    {
        int length = 0;
        while (length < operatorName.length && 0 != operatorName[length])
        {
            length++;
        }
        return new String(operatorName, 0, length, StandardCharsets.US_ASCII);
    }

    private int send(
        final Publication control,
        final ControlScope scope,
        final byte[] operatorName,
        final ControlMac mac,
        final long deadlineNs)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final long nowNs = SystemEpochNanoClock.INSTANCE.nanoTime();
        final int length;
        final int templateId;
        if (resume)
        {
            final ResumeEncoder encoder = new ResumeEncoder().wrapAndApplyHeader(buffer, 0, header);
            encoder.scope(scope).targetId(strategyId).operatorId(0).timestampNs(nowNs).putOperatorName(operatorName, 0);
            length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
            templateId = ResumeEncoder.TEMPLATE_ID;
        }
        else
        {
            final KillEncoder encoder = new KillEncoder().wrapAndApplyHeader(buffer, 0, header);
            encoder.scope(scope).targetId(strategyId).operatorId(0).timestampNs(nowNs).putOperatorName(operatorName, 0);
            length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
            templateId = KillEncoder.TEMPLATE_ID;
        }
        mac.sign(buffer, 0);
        while (System.nanoTime() - deadlineNs < 0)
        {
            if (control.offer(buffer, 0, length) > 0)
            {
                return templateId;
            }
            Thread.onSpinWait();
        }
        return -1;
    }

    private ControlAckDecoder awaitAck(
        final Subscription answers,
        final int templateId,
        final ControlScope scope,
        final boolean complete,
        final long deadlineNs)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ControlAckDecoder ack = new ControlAckDecoder();
        final boolean[] found = new boolean[1];
        while (!found[0] && System.nanoTime() - deadlineNs < 0)
        {
            answers.poll((buffer, offset, length, h) ->
            {
                header.wrap(buffer, offset);
                if (!found[0] && ControlAckDecoder.TEMPLATE_ID == header.templateId())
                {
                    ack.wrapAndApplyHeader(buffer, offset, header);
                    if (templateId == ack.controlTemplateId() && scope == ack.scope() && strategyId == ack.targetId() &&
                        (!complete || BooleanFlag.TRUE == ack.complete()))
                    {
                        found[0] = true;
                    }
                }
            }, 1);
            Thread.onSpinWait();
        }
        return found[0] ? ack : null;
    }
}
