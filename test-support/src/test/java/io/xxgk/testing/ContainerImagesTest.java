package io.xxgk.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Testcontainers path runs the images docker-compose.yml runs (compose's Kafka tag is kafka.dist.version). */
class ContainerImagesTest {

    @Test
    void theContainersAreTheImagesOfDockerCompose() throws Exception {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        Matcher m = Pattern.compile("(?m)^\\s+image:\\s*\"?([^\"\\s]+)\"?\\s*$").matcher(compose);
        Set<String> composeImages = m.results().map(r -> r.group(1)).collect(Collectors.toSet());
        Properties images = ContainerServers.images();
        for (String key : new String[]{"kafka.image", "postgres.image", "minio.image"}) {
            String image = images.getProperty(key);
            assertTrue(composeImages.contains(image), key + "=" + image + " is not an image of docker-compose.yml: " + composeImages);
        }
    }
}
