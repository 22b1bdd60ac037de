package io.wirespeed.codecs.compat;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Token;

/**
 * The type and message elements of an SBE schema file, and canonical descriptions of elements and IR tokens for
 * comparing two schemas.
 */
final class SchemaXml
{
    final Map<String, Element> types = new LinkedHashMap<>();
    final Map<String, Element> messages = new LinkedHashMap<>();

    private SchemaXml()
    {
    }

    static SchemaXml read(final URL url) throws Exception
    {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        final Element root;
        try (InputStream in = url.openStream())
        {
            root = factory.newDocumentBuilder().parse(in).getDocumentElement();
        }

        final SchemaXml schema = new SchemaXml();
        for (final Element child : children(root))
        {
            if ("types".equals(child.getLocalName()))
            {
                for (final Element type : children(child))
                {
                    schema.types.put(type.getAttribute("name"), type);
                }
            }
            else if ("message".equals(child.getLocalName()))
            {
                schema.messages.put(child.getAttribute("name"), child);
            }
        }

        return schema;
    }

    /**
     * Element name without prefix, attributes sorted, child elements and non-blank text, comments and whitespace
     * left out: equal for a verbatim copy whatever namespace prefix or attribute order it uses.
     */
    static String describe(final Element element)
    {
        return describe(element, new StringBuilder(), "").toString();
    }

    static String describe(final List<Token> tokens)
    {
        final StringBuilder out = new StringBuilder();
        for (final Token token : tokens)
        {
            final Encoding encoding = token.encoding();
            out.append(token.signal()).append(' ').append(token.name())
                .append(" ref=").append(token.referencedName())
                .append(" id=").append(token.id())
                .append(" version=").append(token.version())
                .append(" offset=").append(token.offset())
                .append(" length=").append(token.encodedLength())
                .append(" array=").append(token.arrayLength())
                .append(" components=").append(token.componentTokenCount())
                .append(" type=").append(encoding.primitiveType())
                .append(" presence=").append(encoding.presence())
                .append(" order=").append(encoding.byteOrder())
                .append(" min=").append(encoding.minValue())
                .append(" max=").append(encoding.maxValue())
                .append(" null=").append(encoding.nullValue())
                .append(" const=").append(encoding.constValue())
                .append(" charset=").append(encoding.characterEncoding())
                .append(" semantic=").append(encoding.semanticType())
                .append('\n');
        }

        return out.toString();
    }

    private static StringBuilder describe(final Element element, final StringBuilder out, final String indent)
    {
        out.append(indent).append('<').append(element.getLocalName());
        final Map<String, String> attributes = new TreeMap<>();
        final NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++)
        {
            final Attr attribute = (Attr) map.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI()))
            {
                attributes.put(attribute.getName(), attribute.getValue());
            }
        }
        attributes.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(value).append('"'));
        out.append(">\n");

        final NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++)
        {
            final Node node = nodes.item(i);
            if (Node.ELEMENT_NODE == node.getNodeType())
            {
                describe((Element) node, out, indent + "  ");
            }
            else if (Node.TEXT_NODE == node.getNodeType() && !node.getNodeValue().isBlank())
            {
                out.append(indent).append("  ").append(node.getNodeValue().trim()).append('\n');
            }
        }

        return out;
    }

    private static List<Element> children(final Element parent)
    {
        final List<Element> elements = new ArrayList<>();
        final NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++)
        {
            if (Node.ELEMENT_NODE == nodes.item(i).getNodeType())
            {
                elements.add((Element) nodes.item(i));
            }
        }

        return elements;
    }
}
