package io.wirespeed.config;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Suggests the known name closest to a misspelt one.
 */
final class DidYouMean
{
    private static final int MAX_DISTANCE = 3;

    private DidYouMean()
    {
    }

    /**
     * The candidate closest to the input, if it is close enough to be what was meant.
     *
     * @param input      the unknown name.
     * @param candidates the names that would have been accepted.
     * @return the suggestion, or null when nothing is close.
     */
    static String suggest(final String input, final Collection<String> candidates)
    {
        final String lowerInput = input.toLowerCase(Locale.ROOT);
        final int threshold = input.length() < 3 ? 0 : Math.max(1, Math.min(MAX_DISTANCE, input.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : new TreeSet<>(candidates))
        {
            final String lowerCandidate = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(lowerInput, lowerCandidate);
            if (lowerCandidate.startsWith(lowerInput + "_") || lowerInput.startsWith(lowerCandidate + "_"))
            {
                distance = Math.min(distance, 1);
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= threshold ? best : null;
    }

    /**
     * A "did you mean" clause for a reason, or nothing.
     *
     * @param input      the unknown name.
     * @param candidates the names that would have been accepted.
     * @return {@code  (did you mean "x"?)} or an empty string.
     */
    static String clause(final String input, final Collection<String> candidates)
    {
        final String suggestion = suggest(input, candidates);
        return null == suggestion ? "" : " (did you mean \"" + suggestion + "\"?)";
    }

    /**
     * Edit distance counting an insertion, deletion, substitution or swap of neighbours as one edit.
     */
    static int distance(final String a, final String b)
    {
        final int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++)
        {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++)
        {
            d[0][j] = j;
        }

        for (int i = 1; i <= a.length(); i++)
        {
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }

        return d[a.length()][b.length()];
    }
}
