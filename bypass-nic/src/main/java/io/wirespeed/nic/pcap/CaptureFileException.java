package io.wirespeed.nic.pcap;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

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

    /**
     * A file that cannot be opened, the reason in words rather than an exception's class name.
     *
     * @param file   the capture.
     * @param action what was tried, e.g. "cannot open capture for reading".
     * @param cause  the failure.
     * @return the exception to throw.
     */
    static CaptureFileException cannotOpen(final Object file, final String action, final IOException cause)
    {
        final String reason;
        if (cause instanceof NoSuchFileException)
        {
            reason = "no such file";
        }
        else if (cause instanceof AccessDeniedException)
        {
            reason = "permission denied";
        }
        else if (cause instanceof FileSystemException && null != ((FileSystemException)cause).getReason())
        {
            reason = ((FileSystemException)cause).getReason();
        }
        else
        {
            reason = null == cause.getMessage() ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return new CaptureFileException(file + ": " + action + " (" + reason + ")", cause);
    }
}
