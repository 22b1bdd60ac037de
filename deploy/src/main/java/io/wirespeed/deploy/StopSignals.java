package io.wirespeed.deploy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT and SIGTERM as a stop request an operator makes: the handlers only record it, so the command stops its parts
 * in order, prints its summary and exits with its own code (0 for a clean stop), instead of the JVM's default of
 * running shutdown hooks and exiting 130 or 143. A second signal while the stop is under way forces the exit: one line
 * on stderr, exit 130, nothing more waited for.
 * <p>
 * The handlers are installed through {@code sun.misc.Signal} (module jdk.unsupported) by reflection, since javac
 * warns about it as internal API and the build treats warnings as errors.
 */
final class StopSignals
{
    /**
     * Exit code of a stop forced by a second signal.
     */
    static final int EXIT_FORCED = 130;

    private static final String[] SIGNALS = { "INT", "TERM" };

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger signalCount = new AtomicInteger();
    private volatile String signal;

    private StopSignals()
    {
    }

    /**
     * Install the handlers for this process; the last installed set receives the signals.
     *
     * @return the stop request the handlers fill.
     * @throws IllegalStateException when this JVM has no {@code sun.misc.Signal}.
     */
    static StopSignals install()
    {
        final StopSignals stopSignals = new StopSignals();
        try
        {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            final Method getName = signalClass.getMethod("getName");
            final InvocationHandler onSignal = (proxy, method, args) ->
            {
                switch (method.getName())
                {
                    case "handle":
                        stopSignals.onOperatorSignal("SIG" + getName.invoke(args[0]));
                        return null;
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    default:
                        return "wirespeed stop signal handler";
                }
            };
            final Object handler = Proxy.newProxyInstance(
                StopSignals.class.getClassLoader(), new Class<?>[]{ handlerClass }, onSignal);
            for (final String name : SIGNALS)
            {
                handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
            }
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("cannot install the SIGINT/SIGTERM handlers: " + ex, ex);
        }
        return stopSignals;
    }

    /**
     * Has a stop been requested?
     *
     * @return true after SIGINT or SIGTERM, or {@link #request(String)}.
     */
    boolean isRequested()
    {
        return 0 == stopped.getCount();
    }

    /**
     * Wait for a stop request.
     *
     * @param timeoutNs the longest wait.
     * @return true when a stop was requested.
     * @throws InterruptedException when interrupted while waiting.
     */
    boolean await(final long timeoutNs) throws InterruptedException
    {
        return stopped.await(timeoutNs, TimeUnit.NANOSECONDS);
    }

    /**
     * Request a stop from inside the process, as when the run's time is up.
     *
     * @param why for the summary, e.g. "--seconds elapsed".
     */
    void request(final String why)
    {
        onSignal(why);
    }

    /**
     * What requested the stop.
     *
     * @return e.g. "SIGTERM", or null while none was requested.
     */
    String reason()
    {
        return signal;
    }

    private void onOperatorSignal(final String name)
    {
        if (signalCount.incrementAndGet() > 1)
        {
            System.err.println("wirespeed: " + name + " again during the stop: exiting now without finishing it " +
                "(exit " + EXIT_FORCED + "; files may be left behind)");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_FORCED);
        }
        onSignal(name);
    }

    private void onSignal(final String name)
    {
        if (null == signal)
        {
            signal = name;
        }
        stopped.countDown();
    }
}
