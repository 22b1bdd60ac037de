package io.wirespeed.nic.status;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
final class ErrorLogFileTest
{
    @Test
    void shouldLogAnAgentsErrorsDistinctlyWithACounterAndKeepTheFileForReading(@TempDir final Path dir)
        throws Exception
    {
        final Path countersPath = dir.resolve("app-counters");
        final Path logPath = ErrorLogFile.beside(countersPath);
        assertEquals(dir.resolve("app-errors"), logPath);
        final ByteArrayOutputStream overflow = new ByteArrayOutputStream();
        try (CountersFile counters = CountersFile.create(countersPath, 4);
            ErrorLogFile log = ErrorLogFile.create(logPath, 64 * 1024, counters, "app: agent errors",
                SystemEpochClock.INSTANCE, new PrintStream(overflow, true, StandardCharsets.UTF_8)))
        {
            final Failing agent = new Failing(3);
            try (AgentRunner runner = new AgentRunner(new BusySpinIdleStrategy(), log.errorHandler(), null, agent))
            {
                AgentRunner.startOnThread(runner);
                while (log.errorCount() < 3)
                {
                    Thread.yield();
                }
            }
            assertEquals(3, counters.reader().getCounterValue(0));
            assertEquals("app: agent errors", counters.reader().getCounterLabel(0));
        }

        assertTrue(Files.exists(logPath), "a log holding errors is kept after close");
        final List<String> errors = new ArrayList<>();
        final int distinct = ErrorLogFile.read(logPath, (count, firstMs, lastMs, error) ->
            errors.add(count + " " + error.lines().findFirst().orElseThrow()));
        assertEquals(1, distinct);
        assertEquals(List.of("3 java.lang.IllegalStateException: broken duty cycle"), errors);
        assertEquals("", overflow.toString(StandardCharsets.UTF_8), "nothing printed on the agent's thread");
    }

    @Test
    void shouldRemoveALogWithoutErrorsOnClose(@TempDir final Path dir)
    {
        final Path logPath = dir.resolve("errors");
        try (CountersFile counters = CountersFile.create(dir.resolve("counters"), 4);
            ErrorLogFile log = ErrorLogFile.create(logPath, 4096, counters, "errors", SystemEpochClock.INSTANCE,
                System.err))
        {
            assertTrue(Files.exists(log.path()));
        }
        assertFalse(Files.exists(logPath));
    }

    private static final class Failing implements Agent
    {
        private int failuresLeft;

        Failing(final int failures)
        {
            this.failuresLeft = failures;
        }

        public int doWork()
        {
            if (failuresLeft > 0)
            {
                failuresLeft--;
                throw new IllegalStateException("broken duty cycle");
            }
            return 0;
        }

        public String roleName()
        {
            return "failing";
        }
    }
}
