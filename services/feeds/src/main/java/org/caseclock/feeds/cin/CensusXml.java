package org.caseclock.feeds.cin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a children in need census file (DfE's CIN census XML, 2022-23 to 2025-26: Message, Header,
 * Children, Child, ...) with the JDK's streaming reader: the header, then one {@code Child} at a time,
 * so a file of any size is read in the memory of one child. No DTD or external entity is read.
 */
public final class CensusXml {

    /**
     * What the file's header says, and what stopped the reading early, if anything.
     *
     * @param referenceDate Header/CollectionDetails/ReferenceDate: the census date, the year's 31 March
     * @param problem why the file was not read to its end (not well-formed at a line), or null; every
     *        child before it was read
     */
    public record Read(LocalDate referenceDate, String year, int children, String problem) {}

    private CensusXml() {}

    /** Reads {@code file}, giving each {@code Child} element to {@code perChild} as it is read. */
    public static Read read(Path file, Consumer<Element> perChild) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        LocalDate referenceDate = null;
        String year = null;
        int children = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = reader.getLocalName();
                    if (name.equalsIgnoreCase("Header")) {
                        Element header = element(reader);
                        // CollectionDetails holds them in every year's schema; a header without that level is read too.
                        year = first(header, "Year");
                        String reference = first(header, "ReferenceDate");
                        referenceDate = reference == null ? null : LocalDate.parse(reference.strip());
                    } else if (name.equalsIgnoreCase("Child")) {
                        perChild.accept(element(reader));
                        children++;
                    }
                }
            } catch (XMLStreamException e) {
                return new Read(referenceDate, year, children, "not well-formed XML at line "
                        + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()) + ": " + e.getMessage()
                        + "; the children after it were not read");
            } catch (DateTimeParseException e) {
                return new Read(null, year, children, "Header ReferenceDate is not a date (yyyy-MM-dd)");
            } finally {
                close(reader);
            }
        } catch (XMLStreamException e) {
            return new Read(null, null, 0, "not an XML file: " + e.getMessage());
        }
        return new Read(referenceDate, year, children, null);
    }

    private static String first(Element element, String name) {
        List<Element> found = element.below(name);
        return found.isEmpty() ? null : found.get(0).text();
    }

    /** The element the reader is at the start of, with everything in it; leaves the reader at its end. */
    private static Element element(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        int line = reader.getLocation().getLineNumber();
        StringBuilder text = new StringBuilder();
        List<Element> children = new ArrayList<>();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(reader));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    String value = text.toString().strip();
                    return new Element(name, value.isEmpty() ? null : value, List.copyOf(children), line);
                }
                default -> { }
            }
        }
    }

    private static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing frees the reader only; the file's stream is closed by its own try.
        }
    }
}
