package io.xxgk.testing;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every version is set once, in the parent: a module that inherits it names no version of a dependency or plugin,
 * except its siblings' (the project's own version). The two server distributions under local-stack have no parent on
 * purpose (the Quarkus BOM would pin the servers' own libraries) and keep their versions in their own properties.
 */
class ProjectVersionsTest {

    private static final Set<String> WITHOUT_PARENT = Set.of("local-stack/kafka-dist/pom.xml", "local-stack/s3proxy-dist/pom.xml");

    @Test
    void noModuleThatInheritsTheParentSetsAVersionOfItsOwn() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> poms;
        try (Stream<Path> files = Files.walk(root, 4)) {
            poms = files.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.equals(root.resolve("pom.xml")))
                    .filter(p -> !root.relativize(p).toString().contains("target"))
                    .filter(p -> !WITHOUT_PARENT.contains(root.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
        assertTrue(poms.size() >= 8, "found the modules' poms: " + poms);
        List<String> own = new ArrayList<>();
        for (Path pom : poms) {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            for (String tag : List.of("dependency", "plugin")) {
                NodeList nodes = project.getElementsByTagName(tag);
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element e = (Element) nodes.item(i);
                    String version = child(e, "version");
                    String group = child(e, "groupId");
                    if (version != null && !("io.xxgk".equals(group) && "${project.version}".equals(version))) {
                        own.add(root.relativize(pom) + ": " + group + ":" + child(e, "artifactId") + ":" + version);
                    }
                }
            }
        }
        assertEquals(List.of(), own, "set these versions in the parent's dependencyManagement or pluginManagement");
    }

    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }
}
