package dev.cleave.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The objects an overlay renders, by kind and name, with the one question most checks ask: what a
 * container's environment is once its ConfigMap references are followed.
 */
record Rendered(List<JsonNode> objects) {

  List<JsonNode> all(String kind) {
    return objects.stream().filter(o -> o.path("kind").asString("").equals(kind)).toList();
  }

  Optional<JsonNode> find(String kind, String name) {
    return all(kind).stream().filter(o -> name(o).equals(name)).findFirst();
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asString("");
  }

  /** A Deployment's or StatefulSet's pod spec. */
  static JsonNode podSpec(JsonNode workload) {
    return workload.path("spec").path("template").path("spec");
  }

  /** The first container of a workload (each Cleave pod has one). */
  static JsonNode container(JsonNode workload) {
    return podSpec(workload).path("containers").path(0);
  }

  /**
   * A container's environment: {@code envFrom} ConfigMaps first, then {@code env}, which wins, as
   * in a pod. A value from a Secret reads {@code secret:<name>/<key>}, from a missing ConfigMap
   * {@code missing:<name>/<key>}.
   */
  Map<String, String> environment(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      String map = from.path("configMapRef").path("name").asString("");
      find("ConfigMap", map)
          .ifPresent(
              configMap ->
                  configMap
                      .path("data")
                      .properties()
                      .forEach(entry -> env.put(entry.getKey(), entry.getValue().asString())));
    }
    for (JsonNode variable : container.path("env")) {
      String name = variable.path("name").asString();
      JsonNode source = variable.path("valueFrom");
      if (variable.has("value")) {
        env.put(name, variable.path("value").asString());
      } else if (source.has("secretKeyRef")) {
        JsonNode ref = source.path("secretKeyRef");
        env.put(name, "secret:" + ref.path("name").asString() + "/" + ref.path("key").asString());
      } else if (source.has("configMapKeyRef")) {
        JsonNode ref = source.path("configMapKeyRef");
        String map = ref.path("name").asString();
        String key = ref.path("key").asString();
        env.put(
            name,
            find("ConfigMap", map)
                .map(c -> c.path("data").path(key))
                .filter(JsonNode::isString)
                .map(JsonNode::asString)
                .orElse("missing:" + map + "/" + key));
      }
    }
    return env;
  }

  /** The Secret mounted at the folder holding {@code file}, if any. */
  static Optional<String> secretMountedFor(JsonNode workload, String file) {
    for (JsonNode mount : container(workload).path("volumeMounts")) {
      String at = mount.path("mountPath").asString();
      if (file.startsWith(at.endsWith("/") ? at : at + "/")) {
        String volume = mount.path("name").asString();
        for (JsonNode v : podSpec(workload).path("volumes")) {
          if (v.path("name").asString().equals(volume) && v.has("secret")) {
            return Optional.of(v.path("secret").path("secretName").asString());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Every Secret a pod mounts. */
  static List<String> mountedSecrets(JsonNode workload) {
    return podSpec(workload)
        .path("volumes")
        .valueStream()
        .filter(v -> v.has("secret"))
        .map(v -> v.path("secret").path("secretName").asString())
        .toList();
  }
}
