package io.wirespeed.strategy;

/**
 * Follows the streamSeq of one normalized stream (market data, or one strategy's answers) and tells how many messages
 * were lost before the one in hand.
 * <p>
 * The first number seen is where the subscriber joined; a number below the next expected one (a duplicate, or a
 * publisher that started again from 1) is taken as the new start; 0 and the null value (a publisher older than schema
 * version 3) are not followed.
 */
final class StreamSequence
{
    private static final long NOT_SEQUENCED = -1;

    private long expected;

    /**
     * A message arrived.
     *
     * @param streamSeq the number it carries.
     * @return messages lost just before it, 0 when none.
     */
    long onMessage(final long streamSeq)
    {
        if (0 == streamSeq || NOT_SEQUENCED == streamSeq)
        {
            return 0;
        }
        final long lost = 0 != expected && streamSeq > expected ? streamSeq - expected : 0;
        expected = streamSeq + 1;
        return lost;
    }

    /**
     * The number the next message should carry.
     *
     * @return the next expected streamSeq, 0 before the first.
     */
    long expected()
    {
        return expected;
    }
}
