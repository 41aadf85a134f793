package org.linuxrouter.hactl.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.linuxrouter.hactl.inventory.Inventory;

/** Writes an inventory as YAML in the schema's field order, without empty or default-less fields. */
public final class InventoryWriter {

    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build())
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    public String write(Inventory inventory, String header) {
        try {
            return header + yaml.writeValueAsString(inventory);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an inventory of records always serialises", e);
        }
    }
}
