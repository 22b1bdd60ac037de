package io.wirespeed.codecs.print;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.agrona.DirectBuffer;

import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.otf.OtfHeaderDecoder;
import uk.co.real_logic.sbe.xml.IrGenerator;
import uk.co.real_logic.sbe.xml.MessageSchema;
import uk.co.real_logic.sbe.xml.ParserOptions;
import uk.co.real_logic.sbe.xml.XmlSchemaParser;

/**
 * SBE schemas known to the debug printers, by schema id, as IR built from the {@code /schemas/*.xml} resources.
 */
public final class SchemaCatalog
{
    /** Folder of the class path that holds the schema XML files. */
    public static final String SCHEMA_FOLDER = "schemas";

    private final Map<Integer, Ir> irBySchemaId;
    private final Map<Integer, OtfHeaderDecoder> headerBySchemaId;
    private final List<String> problems;
    private final int minHeaderLength;

    private SchemaCatalog(final Map<Integer, Ir> irBySchemaId, final List<String> problems)
    {
        this.irBySchemaId = Collections.unmodifiableMap(irBySchemaId);
        this.problems = Collections.unmodifiableList(problems);

        final Map<Integer, OtfHeaderDecoder> headers = new LinkedHashMap<>();
        int minLength = Integer.MAX_VALUE;
        for (final Map.Entry<Integer, Ir> entry : irBySchemaId.entrySet())
        {
            final OtfHeaderDecoder header = new OtfHeaderDecoder(entry.getValue().headerStructure());
            headers.put(entry.getKey(), header);
            minLength = Math.min(minLength, header.encodedLength());
        }
        this.headerBySchemaId = Collections.unmodifiableMap(headers);
        this.minHeaderLength = irBySchemaId.isEmpty() ? 0 : minLength;
    }

    /**
     * Every {@code /schemas/*.xml} on the class path of this class's loader; a file that does not parse is left
     * out and named in {@link #problems()}.
     *
     * @return the catalog.
     */
    public static SchemaCatalog fromClasspath()
    {
        final List<String> problems = new ArrayList<>();
        final Map<String, URL> schemaUrls = findSchemaResources(problems);
        final Map<Integer, Ir> irBySchemaId = new LinkedHashMap<>();

        for (final Map.Entry<String, URL> entry : schemaUrls.entrySet())
        {
            try (InputStream in = entry.getValue().openStream())
            {
                add(irBySchemaId, parse(in), entry.getKey(), problems);
            }
            catch (final Exception ex)
            {
                problems.add(entry.getKey() + ": " + ex);
            }
        }

        return new SchemaCatalog(irBySchemaId, problems);
    }

    /**
     * A catalog of the given schemas; the first of two with the same id wins.
     *
     * @param schemas IR of the schemas.
     * @return the catalog.
     */
    public static SchemaCatalog of(final Collection<Ir> schemas)
    {
        final List<String> problems = new ArrayList<>();
        final Map<Integer, Ir> irBySchemaId = new LinkedHashMap<>();
        for (final Ir ir : schemas)
        {
            add(irBySchemaId, ir, ir.packageName(), problems);
        }

        return new SchemaCatalog(irBySchemaId, problems);
    }

    /**
     * Parse one schema XML into IR.
     *
     * @param xml the schema.
     * @return its IR.
     * @throws Exception if the schema is not valid.
     */
    public static Ir parse(final InputStream xml) throws Exception
    {
        final ParserOptions options = ParserOptions.builder().stopOnError(true).suppressOutput(true).build();
        final MessageSchema schema = XmlSchemaParser.parse(xml, options);

        return new IrGenerator().generate(schema);
    }

    /**
     * IR of a schema.
     *
     * @param schemaId of the schema.
     * @return its IR or null when not in the catalog.
     */
    public Ir schema(final int schemaId)
    {
        return irBySchemaId.get(schemaId);
    }

    /**
     * All schemas of the catalog.
     *
     * @return IR by schema id.
     */
    public Map<Integer, Ir> schemas()
    {
        return irBySchemaId;
    }

    /**
     * Schema files found but left out, one line each.
     *
     * @return the problems, empty when every schema loaded.
     */
    public List<String> problems()
    {
        return problems;
    }

    int minHeaderLength()
    {
        return minHeaderLength;
    }

    OtfHeaderDecoder header(final int schemaId)
    {
        return headerBySchemaId.get(schemaId);
    }

    int matchSchemaId(final DirectBuffer buffer, final int offset, final int length)
    {
        for (final Map.Entry<Integer, OtfHeaderDecoder> entry : headerBySchemaId.entrySet())
        {
            final OtfHeaderDecoder header = entry.getValue();
            if (length >= header.encodedLength() && header.getSchemaId(buffer, offset) == entry.getKey())
            {
                return entry.getKey();
            }
        }

        return -1;
    }

    private static void add(
        final Map<Integer, Ir> irBySchemaId, final Ir ir, final String source, final List<String> problems)
    {
        final Ir existing = irBySchemaId.putIfAbsent(ir.id(), ir);
        if (null != existing)
        {
            problems.add(source + ": schema id " + ir.id() + " already taken by " + existing.packageName());
        }
    }

    private static Map<String, URL> findSchemaResources(final List<String> problems)
    {
        final Map<String, URL> found = new TreeMap<>();
        final ClassLoader loader = SchemaCatalog.class.getClassLoader();
        try
        {
            final Enumeration<URL> folders = loader.getResources(SCHEMA_FOLDER);
            while (folders.hasMoreElements())
            {
                addFromFolder(folders.nextElement(), found, problems);
            }

            final CodeSource codeSource = SchemaCatalog.class.getProtectionDomain().getCodeSource();
            if (null != codeSource && null != codeSource.getLocation())
            {
                addFromCodeSource(codeSource.getLocation(), found, problems);
            }
        }
        catch (final IOException | URISyntaxException ex)
        {
            problems.add("scanning the class path for " + SCHEMA_FOLDER + "/*.xml: " + ex);
        }

        return found;
    }

    private static void addFromFolder(final URL folder, final Map<String, URL> found, final List<String> problems)
        throws IOException, URISyntaxException
    {
        if ("file".equals(folder.getProtocol()))
        {
            addFromDirectory(Paths.get(folder.toURI()), found);
        }
        else
        {
            final URLConnection connection = folder.openConnection();
            if (connection instanceof JarURLConnection)
            {
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile())
                {
                    addFromJar(jar, found);
                }
            }
            else
            {
                problems.add("cannot list " + folder);
            }
        }
    }

    private static void addFromCodeSource(final URL location, final Map<String, URL> found, final List<String> problems)
        throws IOException, URISyntaxException
    {
        if (!"file".equals(location.getProtocol()))
        {
            return;
        }

        final Path path = Paths.get(location.toURI());
        if (Files.isDirectory(path))
        {
            addFromDirectory(path.resolve(SCHEMA_FOLDER), found);
        }
        else if (Files.isRegularFile(path))
        {
            try (JarFile jar = new JarFile(path.toFile()))
            {
                addFromJar(jar, found);
            }
        }
        else
        {
            problems.add("code source not found: " + path);
        }
    }

    private static void addFromDirectory(final Path directory, final Map<String, URL> found) throws IOException
    {
        if (!Files.isDirectory(directory))
        {
            return;
        }

        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.xml"))
        {
            for (final Path file : files)
            {
                found.putIfAbsent(SCHEMA_FOLDER + "/" + file.getFileName(), file.toUri().toURL());
            }
        }
    }

    private static void addFromJar(final JarFile jar, final Map<String, URL> found) throws IOException
    {
        final String prefix = SCHEMA_FOLDER + "/";
        final Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements())
        {
            final String name = entries.nextElement().getName();
            if (name.startsWith(prefix) && name.endsWith(".xml") && name.indexOf('/', prefix.length()) < 0)
            {
                found.putIfAbsent(name, URI.create("jar:" + Paths.get(jar.getName()).toUri() + "!/" + name).toURL());
            }
        }
    }
}
