package io.wirespeed.replay;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a replay is asked to do: inputs, configuration, pace, outputs and inspection; set fluently, read by
 * {@link Replay}.
 */
public final class ReplayOptions
{
    private final List<Path> inputs = new ArrayList<>();
    private final List<String> feeds = new ArrayList<>();
    private final List<ReplayParticipant> participants = new ArrayList<>();
    private Path config;
    private ReplayPace pace = ReplayPace.MAX;
    private int run;
    private Path output;
    private String booksAt;
    private int instrument;
    private boolean continueAfterBooks;
    private Path booksJson;
    private boolean rawBaseline;
    private InputStream commands = System.in;
    private PrintStream out = System.out;

    /**
     * Inputs: pcap or pcapng files (one per feed, or one with every feed), or one journal directory.
     *
     * @param paths the inputs.
     * @return this.
     */
    public ReplayOptions inputs(final List<Path> paths)
    {
        inputs.clear();
        inputs.addAll(paths);
        return this;
    }

    /**
     * The inputs.
     *
     * @return the paths.
     */
    public List<Path> inputs()
    {
        return inputs;
    }

    /**
     * A configuration file whose channels and instruments are used (overrides a journal's CONFIG record).
     *
     * @param config the file, or null.
     * @return this.
     */
    public ReplayOptions config(final Path config)
    {
        this.config = config;
        return this;
    }

    /**
     * The configuration file.
     *
     * @return the file, or null.
     */
    public Path config()
    {
        return config;
    }

    /**
     * A feed definition {@code CHANNEL:a=GROUP:PORT} ({@code a}, {@code b}, {@code s} snapshot, {@code d} definitions).
     *
     * @param feed the option's value.
     * @return this.
     */
    public ReplayOptions feed(final String feed)
    {
        feeds.add(feed);
        return this;
    }

    /**
     * The feed definitions.
     *
     * @return the values, in order.
     */
    public List<String> feeds()
    {
        return feeds;
    }

    /**
     * The pace.
     *
     * @param pace max, speed or step.
     * @return this.
     */
    public ReplayOptions pace(final ReplayPace pace)
    {
        this.pace = pace;
        return this;
    }

    /**
     * The pace.
     *
     * @return the pace.
     */
    public ReplayPace pace()
    {
        return pace;
    }

    /**
     * Which run of a journal, from 1; 0 for the last.
     *
     * @param run the run.
     * @return this.
     */
    public ReplayOptions run(final int run)
    {
        this.run = run;
        return this;
    }

    /**
     * Which run of a journal.
     *
     * @return from 1, or 0 for the last.
     */
    public int run()
    {
        return run;
    }

    /**
     * Where to write every normalized message published ({@link MarketDataRecorder} documents the format).
     *
     * @param output the file, or null.
     * @return this.
     */
    public ReplayOptions output(final Path output)
    {
        this.output = output;
        return this;
    }

    /**
     * The determinism output file.
     *
     * @return the file, or null.
     */
    public Path output()
    {
        return output;
    }

    /**
     * Print the books as they stood at a recorded time, then stop unless {@link #continueAfterBooks(boolean)}.
     *
     * @param time as {@link ReplayTimes#parse} reads it, or null.
     * @param securityId one instrument, or 0 for every one.
     * @return this.
     */
    public ReplayOptions booksAt(final String time, final int securityId)
    {
        this.booksAt = time;
        this.instrument = securityId;
        return this;
    }

    /**
     * The time of {@code --books-at}.
     *
     * @return the text, or null.
     */
    public String booksAt()
    {
        return booksAt;
    }

    /**
     * The instrument of {@code --books-at}.
     *
     * @return the security id, or 0 for every one.
     */
    public int instrument()
    {
        return instrument;
    }

    /**
     * Go on after printing the books of {@code --books-at}.
     *
     * @param continueAfterBooks true to go on.
     * @return this.
     */
    public ReplayOptions continueAfterBooks(final boolean continueAfterBooks)
    {
        this.continueAfterBooks = continueAfterBooks;
        return this;
    }

    /**
     * Go on after printing the books of {@code --books-at}.
     *
     * @return true to go on.
     */
    public boolean continueAfterBooks()
    {
        return continueAfterBooks;
    }

    /**
     * Where to write the final books as JSON.
     *
     * @param booksJson the file, or null.
     * @return this.
     */
    public ReplayOptions booksJson(final Path booksJson)
    {
        this.booksJson = booksJson;
        return this;
    }

    /**
     * Where to write the final books as JSON.
     *
     * @return the file, or null.
     */
    public Path booksJson()
    {
        return booksJson;
    }

    /**
     * Read the input raw first and compare speeds.
     *
     * @param rawBaseline true to measure.
     * @return this.
     */
    public ReplayOptions rawBaseline(final boolean rawBaseline)
    {
        this.rawBaseline = rawBaseline;
        return this;
    }

    /**
     * Read the input raw first and compare speeds.
     *
     * @return true to measure.
     */
    public boolean rawBaseline()
    {
        return rawBaseline;
    }

    /**
     * Something to run beside the feed handler (e.g. an order replay); the replay closes it.
     *
     * @param participant the participant.
     * @return this.
     */
    public ReplayOptions participant(final ReplayParticipant participant)
    {
        participants.add(participant);
        return this;
    }

    /**
     * The participants.
     *
     * @return them, in the order their agents run.
     */
    public List<ReplayParticipant> participants()
    {
        return participants;
    }

    /**
     * Where step commands come from.
     *
     * @param commands the stream, stdin by default.
     * @return this.
     */
    public ReplayOptions commands(final InputStream commands)
    {
        this.commands = commands;
        return this;
    }

    /**
     * Where step commands come from.
     *
     * @return the stream.
     */
    public InputStream commands()
    {
        return commands;
    }

    /**
     * Where the summary, books and step prompts go.
     *
     * @param out the stream, stdout by default.
     * @return this.
     */
    public ReplayOptions out(final PrintStream out)
    {
        this.out = out;
        return this;
    }

    /**
     * Where the summary, books and step prompts go.
     *
     * @return the stream.
     */
    public PrintStream out()
    {
        return out;
    }
}
