package harmony.core.ingest;

import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.apache.tika.mime.MimeTypesReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Tika's own type database (plus any {@code custom-mimetypes.xml}, as Tika's default loads it) with
 * magic kept only for the types an upload may turn out to be: audio, video, and the generic
 * containers {@link MediaTypeSniffer} refines (Ogg, Matroska, ASF, MP4). Every type stays defined;
 * the others just lose their byte patterns, so anything that is not media is answered
 * {@code application/octet-stream} or {@code text/plain} and refused all the same.
 *
 * <p>Why: Tika tries every magic of the winning priority on every file, about 740 of its 850 for an
 * MP3, compiling regexes and scanning whole offset ranges, and after a large copy those tables are cold
 * in the CPU caches; that fixed cost per upload was most of what validation added to a copy. With its
 * media magics alone, detection takes a fifteenth of the time (about 20 µs for an MP3 head). A media file gets the very answer stock Tika
 * gives, or for WMA its ASF parent (the media magics and their order are Tika's); the only other
 * difference is on files that match a
 * media pattern <em>and</em> a non-media one Tika ranks higher, which are now let through to the
 * decoder, which refuses what it cannot play. The tests hold both.
 */
final class TikaMagicDatabase {
    static final String RESOURCE = "org/apache/tika/mime/tika-mimetypes.xml";
    static final String CUSTOM_RESOURCE = "org/apache/tika/mime/custom-mimetypes.xml";
    /** Containers Tika names outside {@code audio/} and {@code video/} that hold recordings. */
    static final Set<String> MEDIA_CONTAINERS =
            Set.of("application/ogg", "application/x-matroska", "application/vnd.ms-asf", "application/mp4");

    private TikaMagicDatabase() {
    }

    /** One instance per JVM: building it parses Tika's 9,000-line database; detecting with it is thread-safe. */
    static MimeTypes shared() {
        return Holder.TYPES;
    }

    /**
     * ASF's sub-types, told apart by Tika with UTF-16 scans of the first 8 KiB ("Windows Media Audio"),
     * which cost more than all other media magics together; {@link MediaTypeSniffer} names WMA within the
     * ASF family by the file name anyway, so the family's own magic (its header GUID) is enough.
     */
    static final Set<String> NAMED_BY_THE_SNIFFER = Set.of("audio/x-ms-wma", "video/x-ms-wmv");

    /** Whether {@code type} keeps its magic: a type an upload may be, that the sniffer does not name itself. */
    static boolean keepsMagic(String type) {
        return (type.startsWith("audio/") || type.startsWith("video/") || MEDIA_CONTAINERS.contains(type))
                && !NAMED_BY_THE_SNIFFER.contains(type);
    }

    /** Tika's database with the magic of every other type removed. */
    static byte[] mediaOnlyXml() {
        try (InputStream in = classLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (tika-core missing?)");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document db = factory.newDocumentBuilder().parse(in);
            NodeList types = db.getElementsByTagName("mime-type");
            for (int i = 0; i < types.getLength(); i++) {
                Element type = (Element) types.item(i);
                if (!keepsMagic(type.getAttribute("type"))) {
                    for (Node magic : children(type, "magic")) {
                        type.removeChild(magic);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            var writer = TransformerFactory.newInstance().newTransformer();
            writer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            writer.transform(new DOMSource(db), new StreamResult(out));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException | TransformerException e) {
            throw new IllegalStateException("Tika's type database could not be read", e);
        }
    }

    private static List<Node> children(Element parent, String name) {
        List<Node> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(n);
            }
        }
        return found;
    }

    private static MimeTypes load() {
        try {
            List<InputStream> sources = new ArrayList<>();
            sources.add(new ByteArrayInputStream(mediaOnlyXml()));
            for (URL custom : Collections.list(classLoader().getResources(CUSTOM_RESOURCE))) {
                sources.add(custom.openStream());
            }
            String external = System.getProperty(MimeTypesFactory.CUSTOM_MIMES_SYS_PROP);
            if (external != null) {
                sources.add(Files.newInputStream(Path.of(external)));
            }
            try {
                return MimeTypesFactory.create(sources.toArray(InputStream[]::new));
            } finally {
                for (InputStream source : sources) {
                    source.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MimeTypeException e) {
            throw new IllegalStateException("Tika's magic database did not load", e);
        }
    }

    private static ClassLoader classLoader() {
        return MimeTypesReader.class.getClassLoader();
    }

    private static final class Holder {
        static final MimeTypes TYPES = load();
    }
}
