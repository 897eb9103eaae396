package org.caseclock.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The repository as files: what the deployment checks read, nothing built. */
final class Repo {

    static final Path ROOT = findRoot();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Modules that build a runnable jar but are not deployed, and why. Every other module with
     * Spring Boot's plugin is a service, and must have a Dockerfile, manifests and a compose entry.
     */
    static final Map<String, String> NOT_DEPLOYED = Map.of(
            "services/simulator", "a command-line tool, run by hand against ingest",
            "services/feeds", "a command-line tool run where the SSD extract is written (--watch for daily folders); no image yet",
            "services/app", "the all-in-one local demo (in-process Kafka and MongoDB stand-in)");

    private Repo() {}

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (pom.xml beside k8s/) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String relative) {
        try {
            return YAML.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document YAML file. */
    static List<JsonNode> yamlDocuments(String relative) {
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(path(relative).toFile())) {
            List<JsonNode> all = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    all.add(doc);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deployable services' module names (ingest, engine...), from the root pom. */
    static List<String> deployableServices() {
        List<String> services = new ArrayList<>();
        for (String module : modules()) {
            if (buildsRunnableJar(module) && !NOT_DEPLOYED.containsKey(module)) {
                services.add(Path.of(module).getFileName().toString());
            }
        }
        return services;
    }

    static List<String> modules() {
        List<String> modules = new ArrayList<>();
        NodeList nodes = pom("pom.xml").getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    /** The spring-boot-maven-plugin element of a module's own build, or null. */
    static Element bootPlugin(String module) {
        NodeList plugins = pom(module + "/pom.xml").getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("spring-boot-maven-plugin".equals(child(plugin, "artifactId"))) {
                return plugin;
            }
        }
        return null;
    }

    static boolean buildsRunnableJar(String module) {
        return Files.isRegularFile(path(module + "/pom.xml")) && bootPlugin(module) != null;
    }

    static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Document pom(String relative) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(path(relative).toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + relative, e);
        }
    }
}
