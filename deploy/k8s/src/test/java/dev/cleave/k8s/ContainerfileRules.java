package dev.cleave.k8s;

import dev.cleave.launcher.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules an image recipe of Cleave keeps, hadolint-style but about this project: Open Liberty's
 * kernel-slim image at the build's own Liberty version; the server's configuration, then {@code
 * features.sh}, then the WAR, then {@code configure.sh}, and nothing else run (no package manager,
 * no build tool, no download); files owned by the non-root user 1001 and run as it; the port, and
 * the health check's port and path, those of the server in every shape.
 */
final class ContainerfileRules {

  /** One instruction, continuation lines joined. */
  record Instruction(String keyword, String arguments) {}

  private static final Set<String> FILES =
      Set.of("server.xml", "jvm.options", "shared/", "lib/jdbc/postgresql.jar");

  private ContainerfileRules() {}

  static List<Instruction> parse(String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String joined = current.toString().strip();
      current.setLength(0);
      int space = joined.indexOf(' ');
      instructions.add(
          new Instruction(
              joined.substring(0, space < 0 ? joined.length() : space).toUpperCase(Locale.ROOT),
              space < 0 ? "" : joined.substring(space + 1).strip()));
    }
    return instructions;
  }

  /**
   * What is wrong with one deployable's Containerfile.
   *
   * @param libertyVersion the build's Open Liberty version ({@code openliberty.version})
   * @param war the WAR its server.xml deploys
   */
  static List<String> problems(Topology.Node node, String text, String libertyVersion, String war) {
    List<String> problems = new ArrayList<>();
    List<Instruction> instructions = parse(text);
    String image =
        "icr.io/appcafe/open-liberty:" + libertyVersion + "-kernel-slim-java17-openj9-ubi";
    if (instructions.isEmpty()
        || !instructions.get(0).keyword().equals("FROM")
        || !instructions.get(0).arguments().equals(image)) {
      problems.add("the first instruction must be FROM " + image);
    }
    Map<String, String> args = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    String user = "1001";
    String server = "target/liberty/wlp/usr/servers/" + node.server() + "/";
    boolean jdbc = false;
    for (Instruction instruction : instructions) {
      String arguments = instruction.arguments();
      for (Map.Entry<String, String> arg : args.entrySet()) {
        arguments = arguments.replace("${" + arg.getKey() + "}", arg.getValue());
      }
      switch (instruction.keyword()) {
        case "FROM", "LABEL" -> {}
        case "ARG" -> {
          String[] pair = arguments.split("=", 2);
          args.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        case "COPY" -> {
          List<String> words = new ArrayList<>(Arrays.asList(arguments.split("\\s+")));
          if (!words.remove("--chown=1001:0")) {
            problems.add("COPY " + arguments + ": not --chown=1001:0");
          }
          String target = words.remove(words.size() - 1);
          if (!target.startsWith("/config/")) {
            problems.add("COPY " + arguments + ": not into /config/");
          }
          for (String source : words) {
            String file = source.startsWith(server) ? source.substring(server.length()) : null;
            if (file == null || !(FILES.contains(file) || file.equals("apps/" + war))) {
              problems.add(
                  "COPY "
                      + source
                      + ": an image takes only the built server's configuration, driver and WAR ("
                      + server
                      + "{"
                      + String.join(", ", FILES)
                      + ", apps/"
                      + war
                      + "})");
            }
            jdbc |= "lib/jdbc/postgresql.jar".equals(file);
            order.add(file == null ? source : file);
          }
        }
        case "RUN" -> {
          if (!Set.of("features.sh", "configure.sh").contains(arguments)) {
            problems.add(
                "RUN "
                    + arguments
                    + ": only features.sh and configure.sh run (no tools, no downloads)");
          }
          order.add(arguments);
        }
        case "USER" -> user = arguments;
        case "ENV" -> {
          Matcher port = Pattern.compile("CLEAVE_HTTP_PORT=(\\S+)").matcher(arguments);
          if (port.find() && !port.group(1).equals(String.valueOf(node.port()))) {
            problems.add(
                "ENV CLEAVE_HTTP_PORT=" + port.group(1) + ", the server's port is " + node.port());
          }
          if (port.find(0)) {
            order.add("ENV CLEAVE_HTTP_PORT");
          }
        }
        case "EXPOSE" -> {
          if (!arguments.equals(String.valueOf(node.port()))) {
            problems.add("EXPOSE " + arguments + ", the server's port is " + node.port());
          }
          order.add("EXPOSE");
        }
        case "HEALTHCHECK" -> {
          String probe = "http://localhost:" + node.port() + "/health/live";
          if (!arguments.contains(probe)) {
            problems.add("HEALTHCHECK must ask " + probe);
          }
          order.add("HEALTHCHECK");
        }
        default -> problems.add(instruction.keyword() + ": not an instruction these images use");
      }
    }
    if (!user.equals("1001")) {
      problems.add("USER " + user + ": the image must end as the non-root user 1001");
    }
    if (jdbc == node.isGateway()) {
      problems.add(
          node.isGateway() ? "the gateway has no database driver" : "no PostgreSQL driver");
    }
    for (String needed :
        List.of("ENV CLEAVE_HTTP_PORT", "EXPOSE", "HEALTHCHECK", "features.sh", "configure.sh")) {
      if (!order.contains(needed)) {
        problems.add("no " + needed);
      }
    }
    List<String> sequence =
        List.of("server.xml", "shared/", "features.sh", "apps/" + war, "configure.sh");
    List<String> seen = order.stream().filter(sequence::contains).toList();
    if (!seen.equals(sequence)) {
      problems.add("the steps must run " + sequence + ", not " + seen);
    }
    return problems;
  }
}
