package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.KillEncoder;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ResumeEncoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.gateway.GatewayState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static io.wirespeed.deploy.RiskRig.S1;
import static io.wirespeed.deploy.RiskRig.S2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kill switch end to end: tripped from the control stream, from {@code wirespeed kill}, or by a limit breach,
 * globally or for one strategy; every open order in scope canceled at the simulator, new orders refused until a
 * resume; and cancel on disconnect when a strategy goes away.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class KillSwitchSystemTest
{
    private static final int KILL = KillEncoder.TEMPLATE_ID;
    private static final int RESUME = ResumeEncoder.TEMPLATE_ID;

    @TempDir
    Path dir;

    private RiskRig rig;
    private ExecutorService executor;

    private void start(final Consumer<WirespeedConfig> adjust)
    {
        rig = new RiskRig(dir.resolve("rig"), (config) ->
        {
            config.risk().defaults().priceCollarTicks(100_000).maxOrderNotional(new BigDecimal("1000000000000"));
            adjust.accept(config);
        });
    }

    @AfterEach
    void stop()
    {
        if (null != executor)
        {
            executor.shutdownNow();
        }
        if (null != rig)
        {
            rig.close();
        }
    }

    @Test
    void globalKillCancelsAThousandOpenOrdersAndLatchesUntilResume()
    {
        start((config) -> {});
        final List<Long> s1Orders = rest(rig.s1, 500);
        final List<Long> s2Orders = rest(rig.s2, 500);
        assertEquals(1_000, rig.venueOpen());
        final GatewayState state = rig.rig.appliance.gateway.logic().state();
        assertEquals(1_000, state.liveOrders());

        rig.kill(ControlScope.GLOBAL, 0);
        rig.pumpUntil(() -> 1 == rig.tap.acks.size(), "kill acknowledged");
        assertEquals(new RiskRig.Ack(KILL, ControlScope.GLOBAL, 0, true, 1_000), rig.tap.lastAck());
        rig.pumpUntil(() -> 0 == rig.venueOpen() && rig.s1.canceled.containsAll(s1Orders) &&
            rig.s2.canceled.containsAll(s2Orders), "every order canceled at the venue and seen CANCELED");
        assertEquals(0, state.liveOrders());
        assertEquals(0, rig.s1.client.orders().liveCount());
        assertEquals(0, rig.s2.client.orders().liveCount());
        assertTrue(state.isKilled(S1) && state.isKilled(S2));

        final long venueBefore = rig.venueReceived();
        assertRefusedWhileKilled(List.of(rig.s1, rig.s2), venueBefore);
        rig.skip(TimeUnit.SECONDS.toNanos(3));
        assertTrue(state.isKilled(S1) && state.isKilled(S2), "latched");
        assertRefusedWhileKilled(List.of(rig.s1, rig.s2), venueBefore);

        rig.resume(ControlScope.GLOBAL, 0);
        rig.pumpUntil(() -> 2 == rig.tap.acks.size(), "resume acknowledged");
        assertEquals(new RiskRig.Ack(RESUME, ControlScope.GLOBAL, 0, true, 0), rig.tap.lastAck());
        assertAcceptedAgain(List.of(rig.s1, rig.s2), venueBefore);
        assertEquals(1, rig.counter(GatewayCounter.KILLS));
        assertEquals(1, rig.counter(GatewayCounter.RESUMES));
    }

    @Test
    void strategyKillCancelsOnlyThatStrategysOrders()
    {
        start((config) -> {});
        final List<Long> s1Orders = rest(rig.s1, 50);
        final List<Long> s2Orders = rest(rig.s2, 50);
        final GatewayState state = rig.rig.appliance.gateway.logic().state();

        rig.kill(ControlScope.STRATEGY, S1);
        rig.pumpUntil(() -> 1 == rig.tap.acks.size(), "kill acknowledged");
        assertEquals(new RiskRig.Ack(KILL, ControlScope.STRATEGY, S1, true, 50), rig.tap.lastAck());
        rig.pumpUntil(() -> 50 == rig.venueOpen() && rig.s1.canceled.containsAll(s1Orders),
            "s1's orders canceled at the venue");
        assertEquals(0, state.openOrders(S1));
        assertEquals(50, state.openOrders(S2));
        assertTrue(rig.s2.canceled.isEmpty(), "s2 untouched");
        for (final long clOrdId : s2Orders)
        {
            assertTrue(rig.s2.isLive(clOrdId));
        }
        assertTrue(state.isKilled(S1));
        assertFalse(state.isKilled(S2));

        final long venueBefore = rig.venueReceived();
        assertRefusedWhileKilled(List.of(rig.s1), venueBefore);
        final long s2Order = rig.s2.buy(rig.passive(Side.BUY, 60), 1);
        rig.pumpUntil(() -> rig.s2.acknowledged.contains(s2Order), "s2 still trades");
        assertEquals(venueBefore + 1, rig.venueReceived());

        rig.kill(ControlScope.STRATEGY, 99);
        rig.pumpUntil(() -> 2 == rig.tap.acks.size(), "kill of an unknown strategy answered");
        assertEquals(new RiskRig.Ack(KILL, ControlScope.STRATEGY, 99, false, 0), rig.tap.lastAck());

        rig.resume(ControlScope.STRATEGY, S1);
        rig.pumpUntil(() -> 3 == rig.tap.acks.size(), "resume acknowledged");
        assertEquals(new RiskRig.Ack(RESUME, ControlScope.STRATEGY, S1, true, 0), rig.tap.lastAck());
        assertFalse(state.isKilled(S1));
        assertAcceptedAgain(List.of(rig.s1), venueBefore + 1);
    }

    @Test
    void killAndResumeFromTheCommandLine() throws Exception
    {
        start((config) -> {});
        final List<Long> s1Orders = rest(rig.s1, 20);
        final List<Long> s2Orders = rest(rig.s2, 20);
        final GatewayState state = rig.rig.appliance.gateway.logic().state();
        final Path configFile = commandConfig();
        executor = Executors.newSingleThreadExecutor();

        final String killS2 = wirespeed(configFile, "kill", "--strategy", String.valueOf(S2));
        assertTrue(killS2.contains("kill (strategy 12): applied"), killS2);
        assertTrue(killS2.contains("20 open order(s): 20 cancel(s) sent"), killS2);
        assertTrue(killS2.contains("kill (strategy 12): complete; 20 open order(s): 20 cancel(s) sent, 20 finished"),
            killS2);
        rig.pumpUntil(() -> 20 == rig.venueOpen() && rig.s2.canceled.containsAll(s2Orders), "s2's orders canceled");
        assertTrue(rig.s1.canceled.isEmpty());

        final String kill = wirespeed(configFile, "kill");
        assertTrue(kill.contains("kill (every strategy): applied"), kill);
        rig.pumpUntil(() -> 0 == rig.venueOpen() && rig.s1.canceled.containsAll(s1Orders), "s1's orders canceled");
        assertTrue(state.isKilled(S1) && state.isKilled(S2));
        final long venueBefore = rig.venueReceived();
        assertRefusedWhileKilled(List.of(rig.s1, rig.s2), venueBefore);

        final String resume = wirespeed(configFile, "kill", "--resume");
        assertTrue(resume.contains("resume (every strategy): applied; new orders are accepted again"), resume);
        assertFalse(state.isKilled(S1), "global resume");
        assertTrue(state.isKilled(S2), "s2's own kill is still latched");
        assertAcceptedAgain(List.of(rig.s1), venueBefore);
        assertRefusedWhileKilled(List.of(rig.s2), rig.venueReceived());

        final String resumeS2 = wirespeed(configFile, "kill", "--resume", "--strategy", String.valueOf(S2));
        assertTrue(resumeS2.contains("resume (strategy 12): applied"), resumeS2);
        assertAcceptedAgain(List.of(rig.s2), rig.venueReceived());
    }

    @Test
    void breachTripsTheStrategysKillSwitchWhenConfigured()
    {
        start((config) -> config.risk().strategy("s1").maxOrderQty(5).autoKillOnBreach(true));
        final List<Long> s1Orders = rest(rig.s1, 10);
        rest(rig.s2, 10);
        final GatewayState state = rig.rig.appliance.gateway.logic().state();
        final long venueBefore = rig.venueReceived();

        final long breach = rig.s1.buy(rig.passive(Side.BUY, 60), 8);
        rig.pumpUntil(() -> rig.s1.rejected.containsKey(breach) && 1 == rig.tap.acks.size(), "breach and kill");
        assertEquals(RejectReason.MAX_ORDER_QTY, rig.s1.rejected.get(breach));
        assertEquals(new RiskRig.Ack(KILL, ControlScope.STRATEGY, S1, true, 10), rig.tap.lastAck());
        rig.pumpUntil(() -> 10 == rig.venueOpen() && rig.s1.canceled.containsAll(s1Orders),
            "s1's orders canceled at the venue");
        assertTrue(rig.s2.canceled.isEmpty());
        assertTrue(state.isKilled(S1));
        assertFalse(state.isKilled(S2));
        assertEquals(1, rig.counter(GatewayCounter.AUTO_KILLS));
        assertEquals(venueBefore, rig.venueReceived());

        assertRefusedWhileKilled(List.of(rig.s1), venueBefore);
        final long s2Order = rig.s2.buy(rig.passive(Side.BUY, 60), 8);
        rig.pumpUntil(() -> rig.s2.acknowledged.contains(s2Order), "s2 unaffected");

        rig.resume(ControlScope.STRATEGY, S1);
        rig.pumpUntil(() -> 2 == rig.tap.acks.size(), "resume acknowledged");
        assertAcceptedAgain(List.of(rig.s1), rig.venueReceived());
    }

    @Test
    void breachDoesNotKillWhenNotConfigured()
    {
        start((config) -> config.risk().strategy("s1").maxOrderQty(5));
        rest(rig.s1, 10);
        final long breach = rig.s1.buy(rig.passive(Side.BUY, 60), 8);
        rig.pumpUntil(() -> rig.s1.rejected.containsKey(breach), "breach");
        rig.pumpFor(OrderPathRig.STEP_NS * 200);
        assertTrue(rig.tap.acks.isEmpty());
        assertEquals(10, rig.venueOpen());
        assertFalse(rig.rig.appliance.gateway.logic().state().isKilled(S1));
        assertAcceptedAgain(List.of(rig.s1), rig.venueReceived());
    }

    @Test
    void cancelOnDisconnectCancelsOnlyTheDeadStrategysOrders()
    {
        start((config) -> config.gateway().cancelOnDisconnect(true));
        final List<Long> s1Orders = rest(rig.s1, 10);
        rest(rig.s2, 10);
        final GatewayState state = rig.rig.appliance.gateway.logic().state();

        rig.rig.scripted.remove(rig.s2.client);
        rig.s2.client.close();
        rig.pumpUntil(() -> 1 == rig.counter(GatewayCounter.STRATEGIES_DISCONNECTED) && 10 == rig.venueOpen(),
            "s2's orders canceled at the venue");
        assertEquals(0, state.openOrders(S2));
        assertEquals(10, state.openOrders(S1));
        assertTrue(rig.s1.canceled.isEmpty());
        for (final long clOrdId : s1Orders)
        {
            assertTrue(rig.s1.isLive(clOrdId));
        }
        assertFalse(state.isKilled(S2), "a disconnect latches nothing");
    }

    @Test
    void ordersStayWhenCancelOnDisconnectIsOff()
    {
        start((config) -> config.gateway().cancelOnDisconnect(false));
        rest(rig.s1, 10);
        rest(rig.s2, 10);
        final GatewayState state = rig.rig.appliance.gateway.logic().state();

        rig.rig.scripted.remove(rig.s2.client);
        rig.s2.client.close();
        rig.pumpUntil(() -> 1 == rig.counter(GatewayCounter.STRATEGIES_DISCONNECTED), "s2's disconnect noticed");
        rig.pumpFor(OrderPathRig.STEP_NS * 500);
        assertEquals(20, rig.venueOpen());
        assertEquals(10, state.openOrders(S2));
        assertEquals(0, rig.counter(GatewayCounter.CANCELS_SENT));
    }

    /**
     * Rest orders far from the market (buys under the bid, sells over the offer) and wait until the venue has them.
     */
    private List<Long> rest(final Trader trader, final int count)
    {
        final List<Long> ids = new ArrayList<>();
        final int venueBefore = rig.venueOpen();
        for (int i = 0; i < count; i++)
        {
            final Side side = 0 == (i & 1) ? Side.BUY : Side.SELL;
            ids.add(trader.send(ES, side, rig.passive(side, 50 + i % 100), 1));
            if (0 == (i + 1) % 100)
            {
                final int expected = venueBefore + i + 1;
                rig.pumpUntil(() -> rig.venueOpen() == expected, expected + " orders resting at the venue");
            }
        }
        rig.pumpUntil(() -> trader.acknowledged.containsAll(ids) && rig.venueOpen() == venueBefore + count,
            count + " orders resting");
        return ids;
    }

    private void assertRefusedWhileKilled(final List<Trader> traders, final long venueBefore)
    {
        final List<Long> ids = new ArrayList<>();
        for (final Trader trader : traders)
        {
            for (int i = 0; i < 3; i++)
            {
                ids.add(trader.buy(rig.passive(Side.BUY, 60 + i), 1));
            }
        }
        rig.pumpUntil(() ->
        {
            for (int i = 0; i < ids.size(); i++)
            {
                if (!traders.get(i / 3).rejected.containsKey(ids.get(i)))
                {
                    return false;
                }
            }
            return true;
        }, "new orders refused");
        for (int i = 0; i < ids.size(); i++)
        {
            final Trader trader = traders.get(i / 3);
            assertEquals(RejectReason.KILL_SWITCH, trader.rejected.get(ids.get(i)));
            assertEquals(RejectReason.KILL_SWITCH, trader.toldReason.get(ids.get(i)));
            assertFalse(trader.sentToVenue.contains(ids.get(i)));
        }
        rig.pumpFor(OrderPathRig.STEP_NS * 100);
        assertEquals(venueBefore, rig.venueReceived(), "no refused order reached the venue");
    }

    private void assertAcceptedAgain(final List<Trader> traders, final long venueBefore)
    {
        final List<Long> ids = new ArrayList<>();
        for (final Trader trader : traders)
        {
            ids.add(trader.buy(rig.passive(Side.BUY, 70), 1));
        }
        rig.pumpUntil(() ->
        {
            for (int i = 0; i < ids.size(); i++)
            {
                if (!traders.get(i).acknowledged.contains(ids.get(i)))
                {
                    return false;
                }
            }
            return true;
        }, "new orders accepted and resting");
        assertEquals(venueBefore + traders.size(), rig.venueReceived());
    }

    /**
     * The shipped configuration pointed at the rig's media driver, for {@code wirespeed kill --config}.
     */
    private Path commandConfig() throws IOException
    {
        final String toml;
        try (InputStream in = WirespeedConfig.class.getResourceAsStream(WirespeedConfig.DEFAULT_RESOURCE))
        {
            toml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(toml.contains("[aeron]\n"));
        final Path file = dir.resolve("kill.toml");
        Files.writeString(file,
            toml.replace("[aeron]\n", "[aeron]\ndir = \"" + rig.rig.config.aeron().dir() + "\"\n"));
        return file;
    }

    /**
     * Run a {@code wirespeed} command on another thread while this one drives the appliance, as an operator would
     * against a running appliance.
     *
     * @return what it printed; asserted to have exited 0.
     */
    private String wirespeed(final Path configFile, final String... args) throws Exception
    {
        final String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--config";
        full[args.length + 1] = configFile.toString();
        full[args.length + 2] = "--timeout-ms";
        full[args.length + 3] = "60000";
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Future<Integer> exit = executor.submit(() -> new CommandLine(new Wirespeed())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(full));
        rig.pumpUntil(exit::isDone, "wirespeed " + String.join(" ", args));
        assertEquals(0, exit.get(), () -> out + " " + err);
        return out.toString();
    }
}
