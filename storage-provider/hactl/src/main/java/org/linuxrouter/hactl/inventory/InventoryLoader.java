package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads an inventory YAML file, binds it and validates it; the secret file is resolved next to the inventory. */
public final class InventoryLoader {

    private static final int MAX_SECRET_BYTES = 4096;
    private static final int MIN_SECRET_CHARS = 16;

    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    public LoadedInventory load(Path file) throws InventoryException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InventoryException(file.toString(), List.of("file not found"));
        } catch (IOException e) {
            throw new InventoryException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
        Inventory inventory = parse(file.toString(), text);
        InventoryValidator.Result result = new InventoryValidator().validate(inventory);
        if (!result.errors().isEmpty()) {
            throw new InventoryException(file.toString(), result.errors());
        }
        String secret = readSecret(file, inventory.cluster().secretFile());
        List<String> warnings = new java.util.ArrayList<>(result.warnings());
        if (secret.length() < MIN_SECRET_CHARS) {
            // an adopted setup keeps its key until the operator replaces it: a warning, not an error
            warnings.add("cluster.secretFile: the secret has only " + secret.length() + " characters; use at least "
                    + MIN_SECRET_CHARS + " (openssl rand -hex 32)");
        }
        return new LoadedInventory(inventory, secret, warnings);
    }

    /** Binds YAML text; binding errors (unknown field, wrong type) carry the field path. */
    public Inventory parse(String source, String text) throws InventoryException {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InventoryException(source, List.of("(syntax) line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").replaceFirst(" for `.*", "")));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new InventoryException(source, List.of("(root): the file is empty"));
        }
        if (!tree.isObject()) {
            throw new InventoryException(source, List.of("(root): expected a mapping of fields"));
        }
        try {
            return yaml.treeToValue(tree, Inventory.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InventoryException(source, List.of(path(e) + ": unknown field"));
        } catch (JsonMappingException e) {
            throw new InventoryException(source, List.of(path(e) + ": " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InventoryException(source, List.of("(root): " + e.getOriginalMessage()));
        }
    }

    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.length() == 0 ? "(root)" : out.toString();
    }

    private static String readSecret(Path inventoryFile, String secretFile) throws InventoryException {
        Path dir = inventoryFile.toAbsolutePath().getParent();
        Path path = dir.resolve(secretFile);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InventoryException(inventoryFile.toString(),
                    List.of("cluster.secretFile: cannot read " + path + " (" + e.getClass().getSimpleName() + ")"));
        }
        String secret = new String(bytes, StandardCharsets.UTF_8).strip();
        // authkeys takes the key as the rest of one line: no whitespace, printable ASCII only
        if (bytes.length > MAX_SECRET_BYTES || !secret.matches("[\\x21-\\x7e]+")) {
            throw new InventoryException(inventoryFile.toString(), List.of("cluster.secretFile: " + path
                    + " must hold one word of at most 4096 printable ASCII characters (no spaces)"));
        }
        return secret;
    }
}
