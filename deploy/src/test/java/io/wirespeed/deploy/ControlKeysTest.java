package io.wirespeed.deploy;

import io.wirespeed.config.WirespeedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlKeysTest
{
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aKeyFileOthersCanReadIsRefusedNamingTheKey() throws IOException
    {
        final Path key = keyFile("rw-r--r--");
        final Refusal refusal = assertThrows(Refusal.class, () -> ControlKeys.forAppliance(config(key)));
        assertTrue(refusal.getMessage().startsWith("gateway.control_key_file = \"" + key + "\": mode rw-r--r--"),
            refusal.getMessage());
        assertEquals(Refusal.EXIT_REFUSED, refusal.exitCode());
        assertThrows(Refusal.class, () -> ControlKeys.forOperator(config(key)));
    }

    @Test
    void aKeyFileTheGroupCanChangeIsRefused() throws IOException
    {
        final Path key = keyFile("rw-rw----");
        assertThrows(Refusal.class, () -> ControlKeys.forAppliance(config(key)));
    }

    @Test
    void aGroupReadableKeyFileIsTheKey() throws IOException
    {
        final Path key = keyFile("r--r-----");
        assertArrayEquals(KEY, ControlKeys.forAppliance(config(key)));
        assertArrayEquals(KEY, ControlKeys.forOperator(config(key)));
    }

    @Test
    void withoutAKeyFileTheApplianceWritesAFreshKeyOnlyItsUserCanRead() throws IOException
    {
        final Path aeronDir = Files.createDirectory(dir.resolve("aeron"));
        final WirespeedConfig config = WirespeedConfig.parse(
            defaultToml().replace("[aeron]\n", "[aeron]\ndir = \"" + aeronDir + "\"\n"), "test.toml", new Properties());
        final byte[] key = ControlKeys.forAppliance(config);
        final Path file = aeronDir.resolve(ControlKeys.GENERATED_FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(key, ControlKeys.forOperator(config));
        assertTrue(key.length >= 32);
    }

    @Test
    void killRefusesToRunWithAKeyFileOthersCanRead() throws IOException
    {
        final Path key = keyFile("rw-r--r--");
        final Path configFile = dir.resolve("kill.toml");
        Files.writeString(configFile,
            defaultToml().replace("[gateway]\n", "[gateway]\ncontrol_key_file = \"" + key + "\"\n"));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = new CommandLine(new Wirespeed())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute("kill", "--config", configFile.toString());
        assertEquals(Refusal.EXIT_REFUSED, exit, err::toString);
        assertTrue(err.toString().startsWith("gateway.control_key_file = \"" + key + "\": mode rw-r--r-- lets others"),
            err::toString);
        assertEquals(1, err.toString().lines().count(), "one line");
    }

    private Path keyFile(final String mode) throws IOException
    {
        final Path key = dir.resolve("control.key");
        Files.writeString(key, Base64.getUrlEncoder().encodeToString(KEY) + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
        return key;
    }

    private static WirespeedConfig config(final Path key)
    {
        return WirespeedConfig.parse(defaultToml().replace("[gateway]\n", "[gateway]\ncontrol_key_file = \"" + key +
            "\"\n"), "test.toml", new Properties());
    }

    private static String defaultToml()
    {
        try (InputStream in = WirespeedConfig.class.getResourceAsStream(WirespeedConfig.DEFAULT_RESOURCE))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
