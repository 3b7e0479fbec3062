package dev.cleave.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kubernetes' own schema, as fabric8's model of the API (generated from Kubernetes' OpenAPI
 * document): an object whose kind the API does not have, a field the type does not have, or a value
 * of the wrong type is a problem, where a server with strict field validation ({@code kubectl apply
 * --validate=strict}) would refuse it too. fabric8 keeps an unknown field in an object's additional
 * properties instead of failing, and its own reader turns a value of the wrong type into one; this
 * reads with a plain mapper that coerces no scalar, then reports every additional property.
 */
final class Schema {

  private static final KubernetesSerialization TYPES = new KubernetesSerialization();

  private static final JsonMapper STRICT =
      JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

  private Schema() {}

  /** What is wrong with one object, each as {@code Kind/name: path: problem}; empty if nothing. */
  static List<String> problems(JsonNode object) {
    String apiVersion = object.path("apiVersion").asString("");
    String kind = object.path("kind").asString("");
    String where = kind + "/" + object.path("metadata").path("name").asString("?");
    Class<? extends KubernetesResource> type =
        TYPES.getRegisteredKubernetesResource(apiVersion, kind);
    if (type == null || type == GenericKubernetesResource.class) {
      return List.of(where + ": the API has no kind " + kind + " in " + apiVersion);
    }
    Object value;
    try {
      value = STRICT.treeToValue(object, type);
    } catch (JacksonException e) {
      return List.of(where + ": " + e.getPathReference() + ": " + e.getOriginalMessage());
    }
    List<String> problems = new ArrayList<>();
    walk(value, where + ": ", problems);
    return problems;
  }

  private static void walk(Object value, String path, List<String> problems) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, entry) -> walk(entry, path + "." + key, problems));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", problems);
      }
    } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
      for (String unknown : additionalProperties(value)) {
        problems.add(path + "." + unknown + ": no such field (or a value of the wrong type)");
      }
      for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          JsonProperty property = field.getAnnotation(JsonProperty.class);
          if (property != null) {
            walk(read(field, value), path + "." + property.value(), problems);
          }
        }
      }
    }
  }

  private static List<String> additionalProperties(Object value) {
    try {
      Method getter = value.getClass().getMethod("getAdditionalProperties");
      Map<?, ?> extra = (Map<?, ?>) getter.invoke(value);
      return extra == null ? List.of() : extra.keySet().stream().map(String::valueOf).toList();
    } catch (NoSuchMethodException e) {
      return List.of();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object read(Field field, Object owner) {
    try {
      field.setAccessible(true);
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
