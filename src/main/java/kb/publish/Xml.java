package kb.publish;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one XML document with the JDK's own StAX writer, which does the escaping. Text from
 * content files passes through {@link #clean} first: XML 1.0 has no way to write most control
 * characters, so they are dropped instead of producing a document no reader accepts.
 */
final class Xml {
    /** What a document writes into the writer. */
    @FunctionalInterface
    interface Body {
        void write(Xml xml) throws XMLStreamException;
    }

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    final XMLStreamWriter out;

    private Xml(XMLStreamWriter out) {
        this.out = out;
    }

    static String document(Body body) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(text);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeCharacters("\n");
            body.write(new Xml(writer));
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML to a string", e);
        }
        return text.append('\n').toString();
    }

    /** {@code <name>text</name>} in the default namespace. */
    Xml element(String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(clean(text));
        out.writeEndElement();
        return this;
    }

    /** {@code <name a="v" …/>} from name/value pairs. */
    Xml empty(String name, String... attributes) throws XMLStreamException {
        out.writeEmptyElement(name);
        attributes(attributes);
        return this;
    }

    Xml start(String name, String... attributes) throws XMLStreamException {
        out.writeStartElement(name);
        attributes(attributes);
        return this;
    }

    Xml end() throws XMLStreamException {
        out.writeEndElement();
        return this;
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.writeAttribute(attributes[i], clean(attributes[i + 1]));
        }
    }

    static String clean(String text) {
        StringBuilder ok = new StringBuilder(text.length());
        text.codePoints().filter(Xml::allowed).forEach(ok::appendCodePoint);
        return ok.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
