package io.wirespeed.config;

import java.util.regex.Pattern;

/**
 * Checks the forms of network names: device names and host names.
 */
final class NetworkNames
{
    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@-]{0,14}");
    private static final Pattern HOST_NAME = Pattern.compile(
        "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private NetworkNames()
    {
    }

    /**
     * A Linux network device name: at most 15 characters (IFNAMSIZ - 1), no '/' or white space.
     */
    static boolean isInterfaceName(final String name)
    {
        return INTERFACE_NAME.matcher(name).matches();
    }

    /**
     * A DNS host name or a dotted-quad IPv4 address.
     */
    static boolean isHost(final String host)
    {
        return Endpoint.parseIpv4(host) >= 0 || HOST_NAME.matcher(host).matches();
    }
}
