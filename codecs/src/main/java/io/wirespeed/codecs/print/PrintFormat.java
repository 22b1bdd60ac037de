package io.wirespeed.codecs.print;

/**
 * Output of the debug printers: one line of text per message, or JSON.
 */
public enum PrintFormat
{
    /** Readable single line per message, e.g. {@code Name [1:46 v9] {Field=1, Group=[{...}]}}. */
    TEXT,

    /** One JSON object per message, frame or packet. */
    JSON
}
