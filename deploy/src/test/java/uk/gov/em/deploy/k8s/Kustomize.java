package uk.gov.em.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl apply -k} does, for the features this repository's
 * kustomizations use: {@code resources} (files and folders), {@code configMapGenerator} (files, labels,
 * no name suffix), {@code patches} (strategic-merge files, {@code $patch: delete}, and JSON 6902 patches
 * on a kind), {@code namespace}, {@code images} and {@code replicas}. Kustomize itself is a Go program and no
 * implementation of it is on Maven Central, so the tests merge the overlays here; any other field of a
 * kustomization fails the render rather than being ignored, so a new feature cannot slip past the checks.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources",
            "configMapGenerator", "patches", "images", "replicas");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "StorageClass", "PersistentVolume");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    private Kustomize() {
    }

    /** The resources {@code dir}'s kustomization.yaml produces, in order. */
    static List<ObjectNode> build(Path dir) {
        JsonNode k = readAll(dir.resolve("kustomization.yaml")).getFirst();
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + field + "' is not rendered by the tests");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path target = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target));
            } else if (Files.isRegularFile(target)) {
                resources.addAll(readAll(target));
            } else {
                throw new IllegalArgumentException(dir + ": resource " + entry.asText() + " does not exist");
            }
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            resources.add(configMap(dir, generator));
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("path")) {
                for (ObjectNode doc : readAll(dir.resolve(patch.get("path").asText()))) {
                    strategicMerge(resources, doc, dir + "/" + patch.get("path").asText());
                }
            } else {
                jsonPatch(resources, patch.path("target"), parse(patch.path("patch").asText()));
            }
        }
        if (k.has("namespace")) {
            for (ObjectNode r : resources) {
                if (!CLUSTER_SCOPED.contains(r.path("kind").asText())) {
                    ((ObjectNode) r.get("metadata")).put("namespace", k.get("namespace").asText());
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            resources.forEach(r -> containers(r).forEach(c -> retag(c, image)));
        }
        for (JsonNode replicas : k.path("replicas")) {
            List<ObjectNode> scaled = resources.stream().filter(r -> SCALABLE.contains(r.path("kind").asText())
                    && r.path("metadata").path("name").asText().equals(replicas.path("name").asText())).toList();
            if (scaled.isEmpty()) {
                throw new IllegalArgumentException(dir + ": no workload " + replicas.path("name").asText() + " to scale");
            }
            scaled.forEach(r -> ((ObjectNode) r.get("spec")).put("replicas", replicas.path("count").asInt()));
        }
        return resources;
    }

    private static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file, as objects. */
    static List<ObjectNode> readAll(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<ObjectNode> docs = new ArrayList<>();
            for (Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc instanceof ObjectNode object) {
                    docs.add(object);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The containers and init containers of a workload's (or a Job's) pod template. */
    static List<ObjectNode> containers(JsonNode resource) {
        List<ObjectNode> found = new ArrayList<>();
        JsonNode pod = resource.path("spec").path("template").path("spec");
        for (String list : List.of("initContainers", "containers")) {
            pod.path(list).forEach(c -> found.add((ObjectNode) c));
        }
        return found;
    }

    private static ObjectNode configMap(Path dir, JsonNode generator) {
        if (!generator.path("options").path("disableNameSuffixHash").asBoolean()) {
            throw new IllegalArgumentException(dir + ": generated names with a hash suffix are not rendered by the tests");
        }
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        map.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = map.putObject("metadata").put("name", generator.path("name").asText());
        if (generator.path("options").has("labels")) {
            metadata.set("labels", generator.path("options").path("labels").deepCopy());
        }
        ObjectNode data = map.putObject("data");
        for (JsonNode file : generator.path("files")) {
            Path source = dir.resolve(file.asText());
            try {
                data.put(source.getFileName().toString(), Files.readString(source));
            } catch (IOException e) {
                throw new UncheckedIOException(source.toString(), e);
            }
        }
        return map;
    }

    private static void strategicMerge(List<ObjectNode> resources, ObjectNode patch, String from) {
        ObjectNode target = find(resources, patch.path("kind").asText(), patch.path("metadata").path("name").asText(), from);
        if ("delete".equals(patch.path("$patch").asText())) {
            resources.remove(target);
            return;
        }
        merge(target, patch);
    }

    /** A strategic merge: maps merge, null deletes, lists of named items merge by name, other lists are replaced. */
    private static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && existing instanceof ObjectNode existingObject) {
                merge(existingObject, value);
            } else if (value.isArray() && existing instanceof ArrayNode existingArray && namedItems(value)
                    && namedItems(existingArray)) {
                for (JsonNode item : value) {
                    ObjectNode same = null;
                    for (JsonNode old : existingArray) {
                        if (old.path("name").equals(item.path("name"))) {
                            same = (ObjectNode) old;
                        }
                    }
                    if (same == null) {
                        existingArray.add(item.deepCopy());
                    } else {
                        merge(same, item);
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean namedItems(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void jsonPatch(List<ObjectNode> resources, JsonNode target, JsonNode operations) {
        List<ObjectNode> matching = resources.stream()
                .filter(r -> r.path("kind").asText().equals(target.path("kind").asText()))
                .filter(r -> !target.has("name") || r.path("metadata").path("name").asText().equals(target.path("name").asText()))
                .toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("no resource matches the patch target " + target);
        }
        for (ObjectNode resource : matching) {
            for (JsonNode op : operations) {
                apply(resource, op);
            }
        }
    }

    private static void apply(ObjectNode resource, JsonNode op) {
        String[] path = op.path("path").asText().substring(1).split("/");
        JsonNode parent = resource;
        for (int i = 0; i < path.length - 1; i++) {
            parent = child(parent, unescape(path[i]));
            if (parent == null || parent.isMissingNode()) {
                throw new IllegalArgumentException("no " + op.path("path").asText() + " in " + name(resource));
            }
        }
        String last = unescape(path[path.length - 1]);
        switch (op.path("op").asText()) {
            case "add", "replace" -> {
                if (op.path("op").asText().equals("replace") && child(parent, last) == null) {
                    throw new IllegalArgumentException("nothing to replace at " + op.path("path").asText() + " in " + name(resource));
                }
                if (parent instanceof ObjectNode object) {
                    object.set(last, op.get("value").deepCopy());
                } else if (last.equals("-")) {
                    ((ArrayNode) parent).add(op.get("value").deepCopy());
                } else {
                    ((ArrayNode) parent).set(Integer.parseInt(last), op.get("value").deepCopy());
                }
            }
            case "remove" -> {
                if (parent instanceof ObjectNode object) {
                    object.remove(last);
                } else {
                    ((ArrayNode) parent).remove(Integer.parseInt(last));
                }
            }
            default -> throw new IllegalArgumentException("JSON patch operation not rendered by the tests: " + op);
        }
    }

    private static JsonNode child(JsonNode node, String key) {
        return node.isArray() ? node.get(Integer.parseInt(key)) : node.get(key);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        String bare = current.contains("@") ? current.substring(0, current.indexOf('@'))
                : current.lastIndexOf(':') > current.lastIndexOf('/') ? current.substring(0, current.lastIndexOf(':')) : current;
        if (!bare.equals(image.path("name").asText())) {
            return;
        }
        String name = image.has("newName") ? image.get("newName").asText() : bare;
        String tag = image.has("newTag") ? ":" + image.get("newTag").asText()
                : current.substring(bare.length()).startsWith(":") ? current.substring(bare.length()).split("@")[0] : "";
        container.put("image", image.has("digest") ? name + "@" + image.get("digest").asText() : name + tag);
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name, String from) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(from + ": no " + kind + " " + name + " to patch"));
    }

    static String name(JsonNode resource) {
        return resource.path("kind").asText() + " " + resource.path("metadata").path("name").asText();
    }
}
