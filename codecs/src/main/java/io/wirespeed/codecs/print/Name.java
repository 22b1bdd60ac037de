package io.wirespeed.codecs.print;

/**
 * A symbolic value (enum value or set choice): unquoted in text, a string in JSON.
 *
 * @param value the symbol.
 */
record Name(String value)
{
    @Override
    public String toString()
    {
        return value;
    }
}
