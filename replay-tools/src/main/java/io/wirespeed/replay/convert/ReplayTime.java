package io.wirespeed.replay.convert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TIME argument of the replay tools: an ISO-8601 UTC instant, {@code HH:MM:SS[.f]} on the recording's first
 * (UTC) day, or {@code +SECONDS[.f]} after the recording's first record.
 */
public final class ReplayTime
{
    /** What a TIME argument may be, for messages and help. */
    public static final String SYNTAX =
        "an ISO-8601 UTC instant (2026-12-07T14:03:07.25Z), HH:MM:SS[.f] on the recording's first day (UTC) or " +
        "+SECONDS[.f] after its first record";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?");
    private static final Pattern OFFSET = Pattern.compile("\\+(\\d+)(\\.\\d{1,9})?");

    private ReplayTime()
    {
    }

    /**
     * A TIME argument that is none of the forms {@link #SYNTAX} lists: a usage error.
     */
    public static final class NotATimeException extends IllegalArgumentException
    {
        private static final long serialVersionUID = 1L;

        NotATimeException(final String message, final Throwable cause)
        {
            super(message, cause);
        }
    }

    /**
     * The instant a TIME argument names.
     *
     * @param text          the argument.
     * @param firstRecordNs when the recording's first record was captured, epoch nanoseconds.
     * @return epoch nanoseconds.
     * @throws NotATimeException naming the argument and the syntax when it is none of them.
     */
    public static long parse(final String text, final long firstRecordNs)
    {
        final Matcher offset = OFFSET.matcher(text);
        if (offset.matches())
        {
            return firstRecordNs + Long.parseLong(offset.group(1)) * NANOS_PER_SECOND + fraction(offset.group(2));
        }
        final Matcher timeOfDay = TIME_OF_DAY.matcher(text);
        if (timeOfDay.matches())
        {
            final int hours = Integer.parseInt(timeOfDay.group(1));
            final int minutes = Integer.parseInt(timeOfDay.group(2));
            final int seconds = Integer.parseInt(timeOfDay.group(3));
            if (hours > 23 || minutes > 59 || seconds > 59)
            {
                throw new NotATimeException("not a time of day: " + text + "; TIME is " + SYNTAX, null);
            }
            final long dayNs = Math.floorDiv(firstRecordNs, NANOS_PER_DAY) * NANOS_PER_DAY;
            return dayNs + ((hours * 60L + minutes) * 60L + seconds) * NANOS_PER_SECOND + fraction(timeOfDay.group(4));
        }
        try
        {
            final Instant instant = Instant.parse(text);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw new NotATimeException("not a TIME: " + text + "; TIME is " + SYNTAX, ex);
        }
    }

    private static long fraction(final String dotted)
    {
        return null == dotted ? 0L :
            new BigDecimal("0" + dotted).movePointRight(9).longValueExact();
    }
}
