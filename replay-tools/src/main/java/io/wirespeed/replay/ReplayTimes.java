package io.wirespeed.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Recorded times as operators write them: an ISO-8601 UTC instant, a time of day on the recording's first day (UTC),
 * or seconds after the first frame.
 */
public final class ReplayTimes
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private ReplayTimes()
    {
    }

    /**
     * Parse {@code 2026-12-07T14:03:07.123456789Z}, {@code 14:03:07[.fffffffff]} or {@code +SECONDS}.
     *
     * @param option       the option, for the refusal.
     * @param text         the value.
     * @param firstFrameNs recorded time of the first frame, epoch nanoseconds.
     * @return epoch nanoseconds.
     * @throws ReplayException (usage) naming the option when the value is none of these.
     */
    public static long parse(final String option, final String text, final long firstFrameNs)
    {
        final String value = text.trim();
        try
        {
            if (value.startsWith("+"))
            {
                final BigDecimal seconds = new BigDecimal(value.substring(1));
                return firstFrameNs + seconds.multiply(BigDecimal.valueOf(NANOS_PER_SECOND)).longValueExact();
            }
            if (value.indexOf('T') > 0)
            {
                final Instant instant = Instant.parse(value);
                return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
            }
            final LocalTime time = LocalTime.parse(value);
            final LocalDate day = toInstant(firstFrameNs).atZone(ZoneOffset.UTC).toLocalDate();
            final Instant instant = day.atTime(time).toInstant(ZoneOffset.UTC);
            return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
        }
        catch (final DateTimeParseException | ArithmeticException | NumberFormatException ex)
        {
            throw ReplayException.usage(option + " " + text + ": not a time (2026-12-07T14:03:07.123456789Z, " +
                "14:03:07.123 on the recording's first day UTC, or +SECONDS from the first frame)");
        }
    }

    /**
     * An instant as ISO-8601 UTC with nanoseconds.
     *
     * @param epochNs epoch nanoseconds.
     * @return the text.
     */
    public static String format(final long epochNs)
    {
        return toInstant(epochNs).toString();
    }

    private static Instant toInstant(final long epochNs)
    {
        return Instant.ofEpochSecond(
            Math.floorDiv(epochNs, NANOS_PER_SECOND), Math.floorMod(epochNs, NANOS_PER_SECOND));
    }
}
