package dev.phoneverify.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata an IDE completes {@code phoneverify.*} from: every key, each with its description. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedForTheIde() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            names.add(property.get("name").asText());
            assertThat(property.path("description").asText()).as(property.get("name").asText()).isNotBlank();
        }
        assertThat(names).contains("phoneverify.gateway", "phoneverify.store", "phoneverify.brand",
                "phoneverify.workflow", "phoneverify.vonage.api-key", "phoneverify.vonage.api-secret",
                "phoneverify.vonage.base-url", "phoneverify.vonage.timeout", "phoneverify.vonage.application-id",
                "phoneverify.vonage.private-key-path", "phoneverify.vonage.whatsapp-from",
                "phoneverify.vonage.email-from", "phoneverify.abuse.enabled", "phoneverify.abuse.per-number",
                "phoneverify.abuse.per-client", "phoneverify.abuse.per-calling-code",
                "phoneverify.policy.max-wrong-attempts", "phoneverify.policy.max-lifetime",
                "phoneverify.policy.code-length", "phoneverify.web.enabled");
    }
}
