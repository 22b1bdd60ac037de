package io.wirespeed.nic.status;

import java.nio.file.Path;

/**
 * A file could not be created because its file system has no room for it; the partial file is already removed.
 */
public final class NoSpaceException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final long bytesNeeded;

    /**
     * A file that did not fit.
     *
     * @param path        the file.
     * @param bytesNeeded its length.
     * @param bytesFree   what the file system had free for it, or -1 when unknown.
     * @param cause       the failure seen, or null when the space check refused it first.
     */
    public NoSpaceException(final Path path, final long bytesNeeded, final long bytesFree, final Throwable cause)
    {
        super(path + " needs " + String.format("%,d", bytesNeeded) + " bytes but its file system has " +
            (bytesFree < 0 ? "too few" : String.format("%,d", bytesFree)) + " free" +
            (null == cause ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"),
            cause, false, false);
        this.path = path;
        this.bytesNeeded = bytesNeeded;
    }

    /**
     * The file that did not fit.
     *
     * @return the path.
     */
    public Path path()
    {
        return path;
    }

    /**
     * The length the file needed.
     *
     * @return bytes.
     */
    public long bytesNeeded()
    {
        return bytesNeeded;
    }
}
