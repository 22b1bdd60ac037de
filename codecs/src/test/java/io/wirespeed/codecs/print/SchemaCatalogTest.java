package io.wirespeed.codecs.print;

import java.io.InputStream;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import uk.co.real_logic.sbe.ir.Ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

final class SchemaCatalogTest
{
    @Test
    void loadsEverySchemaOnTheClassPath()
    {
        final SchemaCatalog catalog = SchemaCatalog.fromClasspath();

        assertEquals(0, catalog.problems().size(), catalog.problems().toString());
        assertEquals("io.wirespeed.codecs.mdp3", catalog.schema(1).packageName());
        assertEquals("io.wirespeed.codecs.ilink3", catalog.schema(8).packageName());
        assertEquals("io.wirespeed.codecs.sofh", catalog.schema(65000).packageName());
        if (null != SchemaCatalog.class.getResource("/schemas/wirespeed.xml"))
        {
            assertNotNull(catalog.schema(100), "wirespeed.xml is on the class path but not in the catalog");
        }
    }

    @Test
    void explicitSchemasKeepTheFirstOfAnId() throws Exception
    {
        final Ir mdp3;
        try (InputStream xml = SchemaCatalogTest.class.getResourceAsStream("/schemas/mdp3-subset.xml"))
        {
            mdp3 = SchemaCatalog.parse(xml);
        }

        final SchemaCatalog catalog = SchemaCatalog.of(List.of(mdp3, mdp3));

        assertEquals(List.of(1), List.copyOf(catalog.schemas().keySet()));
        assertEquals(List.of("io.wirespeed.codecs.mdp3: schema id 1 already taken by io.wirespeed.codecs.mdp3"),
            catalog.problems());

        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = SampleMessages.ilink3NewOrder(buffer, 0);
        assertEquals("<unknown schema 8 (length " + length + ")>", new MessagePrinter(catalog).text(buffer, 0, length));
    }
}
