package io.wirespeed.deploy;

import io.wirespeed.config.AgentContext;
import io.wirespeed.config.AgentRole;
import io.wirespeed.config.WirespeedConfig;
import net.openhft.affinity.Affinity;

import java.util.BitSet;
import java.util.List;

/**
 * The CPU cores this process may run on, and the check that every configured core is one of them.
 */
final class HostCores
{
    private HostCores()
    {
    }

    /**
     * Refuse an agent core this process cannot run on.
     *
     * @param config concluded configuration.
     * @param roles  the roles whose cores will be used.
     * @throws Refusal naming the first {@code agents.<role>.core} that is not on this host.
     */
    static void check(final WirespeedConfig config, final List<AgentRole> roles)
    {
        final BitSet allowed = Affinity.getAffinity();
        for (final AgentRole role : roles)
        {
            final AgentContext agent = config.agent(role);
            if (agent.core() >= 0 && !allowed.get(agent.core()))
            {
                throw Refusal.of("agents." + role.text() + ".core", agent.core(), "no such core for this process " +
                    "(it may run on cores " + text(allowed) + "; " + Runtime.getRuntime().availableProcessors() +
                    " available)");
            }
        }
    }

    /**
     * A CPU set as ranges.
     *
     * @param cpus the set.
     * @return e.g. "0-3,6".
     */
    static String text(final BitSet cpus)
    {
        final StringBuilder text = new StringBuilder();
        int cpu = cpus.nextSetBit(0);
        while (cpu >= 0)
        {
            final int end = cpus.nextClearBit(cpu) - 1;
            text.append(text.length() > 0 ? "," : "").append(cpu);
            if (end > cpu)
            {
                text.append('-').append(end);
            }
            cpu = cpus.nextSetBit(end + 1);
        }
        return text.length() > 0 ? text.toString() : "none";
    }
}
