package io.wirespeed.replay;

import java.util.Locale;

/**
 * How fast recorded instants are released: as fast as possible, at a multiple of the recorded speed, or one step at a
 * time on command.
 *
 * @param mode  max, speed or step.
 * @param speed recorded seconds per host second under {@link Mode#SPEED}, otherwise 0.
 */
public record ReplayPace(Mode mode, double speed)
{
    /** As fast as possible. */
    public static final ReplayPace MAX = new ReplayPace(Mode.MAX, 0);
    /** On command from stdin. */
    public static final ReplayPace STEP = new ReplayPace(Mode.STEP, 0);

    /**
     * Kinds of pacing.
     */
    public enum Mode
    {
        /** Every instant released at once. */
        MAX,
        /** Instant T released once {@code host - hostStart >= (T - T0) / speed}. */
        SPEED,
        /** Instants released by step commands. */
        STEP
    }

    /**
     * Parse {@code max}, {@code step}, {@code 1x}, {@code 10x}, {@code 0.5x}.
     *
     * @param text the option's value.
     * @return the pace.
     * @throws ReplayException (usage) naming {@code --pace} for anything else.
     */
    public static ReplayPace parse(final String text)
    {
        final String value = text.trim().toLowerCase(Locale.ROOT);
        if ("max".equals(value))
        {
            return MAX;
        }
        if ("step".equals(value))
        {
            return STEP;
        }
        if (value.endsWith("x") && value.length() > 1)
        {
            try
            {
                final double speed = Double.parseDouble(value.substring(0, value.length() - 1));
                if (speed > 0 && Double.isFinite(speed))
                {
                    return new ReplayPace(Mode.SPEED, speed);
                }
            }
            catch (final NumberFormatException ignore)
            {
                // refused below
            }
        }
        throw ReplayException.usage("--pace " + text + ": unknown pace (max, step, or a speed such as 1x, 10x, 0.5x)");
    }

    /**
     * As the option is written.
     *
     * @return e.g. "max", "10x".
     */
    public String toString()
    {
        switch (mode)
        {
            case MAX:
                return "max";
            case STEP:
                return "step";
            default:
                final String text = Double.toString(speed);
                return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "x";
        }
    }
}
