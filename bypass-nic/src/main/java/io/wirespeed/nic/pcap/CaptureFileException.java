package io.wirespeed.nic.pcap;

/**
 * A capture file that cannot be opened: missing, unreadable, not a capture, or of a link type that is neither
 * Ethernet nor Linux cooked; the message names the file, the file offset and what was found.
 */
public final class CaptureFileException extends RuntimeException
{
    /**
     * A capture file that cannot be opened.
     *
     * @param message naming the file, the offset and what was found.
     */
    public CaptureFileException(final String message)
    {
        super(message);
    }

    /**
     * A capture file that cannot be opened because of an I/O failure.
     *
     * @param message naming the file.
     * @param cause   the failure.
     */
    public CaptureFileException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
