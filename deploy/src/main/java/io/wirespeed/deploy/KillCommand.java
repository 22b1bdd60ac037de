package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.exceptions.AeronException;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.KillEncoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.ResumeEncoder;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.ConfigException;
import io.wirespeed.config.WirespeedConfig;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
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
        "at the venue; it stays latched until 'wirespeed kill --resume'. Exit 0 when the gateway acknowledged it,",
        "1 when it refused, 3 when no gateway answered in time."
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

    @Option(names = "--operator", paramLabel = "ID", defaultValue = "0",
        description = "operator id recorded with the command (default: ${DEFAULT-VALUE})")
    long operatorId;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000",
        description = "how long to wait for the gateway's answer (default: ${DEFAULT-VALUE})")
    long timeoutMs;

    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final WirespeedConfig config;
        try
        {
            config = null == configFile ? WirespeedConfig.loadDefault() : WirespeedConfig.load(configFile);
        }
        catch (final ConfigException ex)
        {
            err.println(ex.getMessage());
            return ConfigCheck.EXIT_INVALID;
        }
        try
        {
            DriverProbe.requireLive(config.aeron());
            return killOrResume(config, out, err);
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

    private int killOrResume(final WirespeedConfig config, final PrintWriter out, final PrintWriter err)
    {

        final ControlScope scope = 0 == strategyId ? ControlScope.GLOBAL : ControlScope.STRATEGY;
        try (Aeron aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(config.aeron().dir().toString())
                .driverTimeoutMs(config.aeron().driverTimeoutMs()));
            Subscription answers = aeron.addSubscription(config.aeron().channel(), config.aeron().executionStreamId());
            Publication control = aeron.addExclusivePublication(
                config.aeron().channel(), config.aeron().controlStreamId()))
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            final int templateId = send(control, scope, deadlineNs);
            if (templateId < 0)
            {
                err.println("no gateway is listening on the control stream " + config.aeron().controlStreamId() +
                    " of " + config.aeron().dir());
                return EXIT_NO_ANSWER;
            }
            final ControlAckDecoder ack = awaitAck(answers, templateId, scope, deadlineNs);
            if (null == ack)
            {
                err.println("the gateway did not answer within " + timeoutMs + " ms");
                return EXIT_NO_ANSWER;
            }
            final String what = (resume ? "resume" : "kill") +
                (ControlScope.GLOBAL == scope ? " (every strategy)" : " (strategy " + strategyId + ")");
            if (BooleanFlag.TRUE != ack.applied())
            {
                out.println(what + ": refused by the gateway" +
                    (resume ? " (nothing latched in that scope)" : " (unknown strategy?)"));
                out.flush();
                return 1;
            }
            out.println(what + ": applied" +
                (resume ? "; new orders are accepted again" :
                "; new orders refused, " + ack.openOrdersCanceled() + " open order(s) being canceled at the venue"));
            out.flush();
            return 0;
        }
    }

    private int send(final Publication control, final ControlScope scope, final long deadlineNs)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final long nowNs = SystemEpochNanoClock.INSTANCE.nanoTime();
        final int length;
        final int templateId;
        if (resume)
        {
            final ResumeEncoder encoder = new ResumeEncoder().wrapAndApplyHeader(buffer, 0, header);
            encoder.scope(scope).targetId(strategyId).operatorId(operatorId).timestampNs(nowNs);
            length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
            templateId = ResumeEncoder.TEMPLATE_ID;
        }
        else
        {
            final KillEncoder encoder = new KillEncoder().wrapAndApplyHeader(buffer, 0, header);
            encoder.scope(scope).targetId(strategyId).operatorId(operatorId).timestampNs(nowNs);
            length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
            templateId = KillEncoder.TEMPLATE_ID;
        }
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
        final Subscription answers, final int templateId, final ControlScope scope, final long deadlineNs)
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
                    if (templateId == ack.controlTemplateId() && scope == ack.scope() && strategyId == ack.targetId())
                    {
                        found[0] = true;
                    }
                }
            }, 64);
            Thread.onSpinWait();
        }
        return found[0] ? ack : null;
    }
}
