package io.wirespeed.codecs.compat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.agrona.DirectBuffer;

import uk.co.real_logic.sbe.SbeTool;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.xml.IrGenerator;
import uk.co.real_logic.sbe.xml.MessageSchema;
import uk.co.real_logic.sbe.xml.ParserOptions;
import uk.co.real_logic.sbe.xml.XmlSchemaParser;

/**
 * Finds CME's official schemas in {@code ../shared/reference} and turns them into Java codecs at test time.
 */
final class ReferenceSchemas
{
    static final String MDP3_FILE = "cme-mdp3-templates_FixBinary.xml";
    static final String ILINK3_FILE = "cme-ilink3-ilinkbinary.xml";

    private ReferenceSchemas()
    {
    }

    /**
     * The reference folder: {@code ../shared/reference} from the repository root, which is the {@code wirespeed.root}
     * system property or else found by walking up from {@code user.dir}.
     */
    static Path referenceDirectory()
    {
        return repositoryRoot().resolve("../shared/reference").normalize();
    }

    static Path repositoryRoot()
    {
        final String property = System.getProperty("wirespeed.root");
        if (null != property && !property.isBlank() && !property.contains("${"))
        {
            return Paths.get(property).toAbsolutePath().normalize();
        }

        Path topPom = null;
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); null != dir; dir = dir.getParent())
        {
            if (Files.exists(dir.resolve(".git")))
            {
                return dir;
            }

            if (Files.exists(dir.resolve("pom.xml")))
            {
                topPom = dir;
            }
        }

        return null != topPom ? topPom : Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    }

    static Ir parse(final InputStream xml, final String namespace) throws Exception
    {
        final ParserOptions options = ParserOptions.builder().stopOnError(true).suppressOutput(true).build();
        final MessageSchema schema = XmlSchemaParser.parse(xml, options);

        return null == namespace ? new IrGenerator().generate(schema) : new IrGenerator().generate(schema, namespace);
    }

    static Ir parse(final Path xml, final String namespace) throws Exception
    {
        try (InputStream in = Files.newInputStream(xml))
        {
            return parse(in, namespace);
        }
    }

    static Ir parseSubset(final String resource) throws Exception
    {
        try (InputStream in = ReferenceSchemas.class.getResourceAsStream("/schemas/" + resource))
        {
            if (null == in)
            {
                throw new IllegalStateException("no /schemas/" + resource + " on the test class path");
            }

            return parse(in, null);
        }
    }

    /**
     * Generate Java codecs for the IR under {@code workDirectory}, compile them against Agrona and load them.
     *
     * @return a class loader whose parent is the test class loader.
     */
    static URLClassLoader generateAndLoad(final Ir ir, final Path workDirectory) throws Exception
    {
        deleteRecursively(workDirectory);
        final Path sources = Files.createDirectories(workDirectory.resolve("src"));
        final Path classes = Files.createDirectories(workDirectory.resolve("classes"));
        SbeTool.generate(ir, sources.toString(), "Java");

        final List<Path> javaFiles;
        try (Stream<Path> files = Files.walk(sources))
        {
            javaFiles = files.filter((p) -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }

        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (null == compiler)
        {
            throw new IllegalStateException("no system Java compiler: tests need a JDK, not a JRE");
        }

        final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager =
            compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8))
        {
            final List<String> options = new ArrayList<>(List.of(
                "-d", classes.toString(),
                "-classpath", codeLocation(DirectBuffer.class).toString(),
                "-proc:none", "-nowarn", "-encoding", "UTF-8"));
            final boolean compiled = compiler.getTask(
                null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(javaFiles))
                .call();
            if (!compiled)
            {
                throw new IllegalStateException("compiling " + ir.packageName() + " codecs failed: " +
                    diagnostics.getDiagnostics());
            }
        }

        return new URLClassLoader(new URL[]{ classes.toUri().toURL() }, ReferenceSchemas.class.getClassLoader());
    }

    static Path buildDirectory() throws URISyntaxException
    {
        return codeLocation(ReferenceSchemas.class).getParent();
    }

    private static Path codeLocation(final Class<?> type) throws URISyntaxException
    {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void deleteRecursively(final Path directory) throws IOException
    {
        if (!Files.exists(directory))
        {
            return;
        }

        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList()))
            {
                Files.delete(path);
            }
        }
    }
}
