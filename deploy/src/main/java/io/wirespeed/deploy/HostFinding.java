package io.wirespeed.deploy;

/**
 * One finding of the host preflight: what was checked, what was found, whether it fails or warns, and how to fix it.
 */
final class HostFinding
{
    /**
     * How much a finding matters: FAIL only where the configuration demands what the host lacks.
     */
    enum Level
    {
        OK, WARN, FAIL
    }

    final Level level;
    final String check;
    final String found;
    final String fix;

    HostFinding(final Level level, final String check, final String found, final String fix)
    {
        this.level = level;
        this.check = check;
        this.found = found;
        this.fix = fix;
    }

    static HostFinding ok(final String check, final String found)
    {
        return new HostFinding(Level.OK, check, found, null);
    }

    static HostFinding warn(final String check, final String found, final String fix)
    {
        return new HostFinding(Level.WARN, check, found, fix);
    }

    static HostFinding fail(final String check, final String found, final String fix)
    {
        return new HostFinding(Level.FAIL, check, found, fix);
    }

    /**
     * One line: level, check, what was found and, unless OK, the fix.
     *
     * @return e.g. {@code FAIL isolcpus: core 3 (agents.feed.core) is not isolated; fix: ...}.
     */
    public String toString()
    {
        return String.format("%-4s %s: %s", level, check, found) + (null == fix ? "" : "; fix: " + fix);
    }
}
