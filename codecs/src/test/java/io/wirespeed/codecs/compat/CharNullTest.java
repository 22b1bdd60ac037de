package io.wirespeed.codecs.compat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.wirespeed.codecs.ilink3.ExecMode;
import io.wirespeed.codecs.ilink3.MassActionOrdTyp;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Decoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * CME sends the byte 0x00 for a null {@code charNULL} field (its schema writes {@code nullValue="0"}, which SBE would
 * read as the character '0'). Checked on bytes laid out by hand from the iLink 3 NewOrderSingle layout: ExecutionMode
 * (tag 5906) is the char at offset 112 of the 116-byte block.
 */
final class CharNullTest
{
    private static final int EXECUTION_MODE_OFFSET = 112;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void aNullExecutionModeAsCmeSendsItDecodesAsNull()
    {
        final int body = MessageHeaderEncoder.ENCODED_LENGTH;
        new MessageHeaderEncoder().wrap(buffer, 0)
            .blockLength(NewOrderSingle514Encoder.BLOCK_LENGTH)
            .templateId(NewOrderSingle514Encoder.TEMPLATE_ID)
            .schemaId(NewOrderSingle514Encoder.SCHEMA_ID)
            .version(NewOrderSingle514Encoder.SCHEMA_VERSION);
        buffer.putByte(body + EXECUTION_MODE_OFFSET, (byte)0x00);

        final NewOrderSingle514Decoder decoder = new NewOrderSingle514Decoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        assertEquals(ExecMode.NULL_VAL, decoder.executionMode());

        buffer.putByte(body + EXECUTION_MODE_OFFSET, (byte)'A');
        assertEquals(ExecMode.Aggressive, decoder.executionMode());
    }

    @Test
    void aNullExecutionModeIsWrittenAsTheByteZero()
    {
        buffer.setMemory(0, buffer.capacity(), (byte)0x55);
        new NewOrderSingle514Encoder().wrap(buffer, 0).executionMode(ExecMode.NULL_VAL);

        assertEquals(0x00, buffer.getByte(EXECUTION_MODE_OFFSET));
    }

    @Test
    void everyCharNullEnumOfTheSubsetHasTheNullByteZero() throws Exception
    {
        final List<String> enums = charNullEnums();
        assertFalse(enums.isEmpty());
        for (final String name : enums)
        {
            final Class<?> type = Class.forName("io.wirespeed.codecs.ilink3." + name);
            final Object nullValue = type.getField("NULL_VAL").get(null);
            assertEquals((byte)0, type.getMethod("value").invoke(nullValue), name);
        }
        assertEquals((byte)0, MassActionOrdTyp.NULL_VAL.value());
    }

    private static List<String> charNullEnums() throws Exception
    {
        final Document document;
        try (InputStream in = CharNullTest.class.getResourceAsStream("/schemas/ilink3-subset.xml"))
        {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        final List<String> names = new ArrayList<>();
        final NodeList nodes = document.getElementsByTagName("enum");
        for (int i = 0; i < nodes.getLength(); i++)
        {
            final Element element = (Element)nodes.item(i);
            if ("charNULL".equals(element.getAttribute("encodingType")))
            {
                names.add(element.getAttribute("name"));
            }
        }
        return names;
    }
}
