package dev.cleave.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Collects the suite's figures: every measurement goes to {@code results.jsonl} as it is taken; at
 * the end {@code summary.md} holds the medians over repetitions with their spread (min–max), the
 * targets of the benchmarks issue checked, and the PNG plots.
 */
final class Results {

  record Row(int rep, String shape, Double fraction, LoadRunner.Measurement measurement) {}

  record Servers(
      int rep,
      String shape,
      Map<String, Duration> ready,
      Map<String, Double> memoryMiB,
      List<ModuleCallStats.Calls> calls) {}

  /** One colour per shape, in {@link Suite#SHAPES} order, the same in every plot. */
  private static final Color[] SHAPE_COLORS = {
    new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)
  };

  private final Path out;
  private final List<Row> rows = new ArrayList<>();
  private final List<Servers> servers = new ArrayList<>();
  private final List<Roofline.Measurement> rooflines = new ArrayList<>();
  private final List<Map.Entry<String, Profiler.Profile>> profiles = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();

  Results(Path out) {
    this.out = out;
  }

  void environment(Map<String, String> machine, Map<String, String> options) throws IOException {
    environment.putAll(machine);
    environment.put("options", options.isEmpty() ? "(defaults)" : options.toString());
    StringBuilder json = new StringBuilder("{\"type\":\"environment\"");
    environment.forEach(
        (k, v) ->
            json.append(",\"").append(k).append("\":\"").append(v.replace("\"", "'")).append('"'));
    Suite.append(out.resolve("results.jsonl"), json.append('}').toString());
  }

  void measurement(int rep, String shape, LoadRunner.Measurement measurement, Double fraction)
      throws IOException {
    rows.add(new Row(rep, shape, fraction, measurement));
    Suite.append(
        out.resolve("results.jsonl"),
        "{\"type\":\"measurement\",\"rep\":"
            + rep
            + ",\"shape\":\""
            + shape
            + "\",\"fractionOfMonolithSaturation\":"
            + fraction
            + ",\"result\":"
            + measurement.json()
            + "}");
  }

  void servers(
      int rep,
      String shape,
      Map<String, Duration> ready,
      Map<String, Double> memoryMiB,
      List<ModuleCallStats.Calls> calls)
      throws IOException {
    servers.add(new Servers(rep, shape, ready, memoryMiB, calls));
    StringBuilder json =
        new StringBuilder(
            "{\"type\":\"servers\",\"rep\":"
                + rep
                + ",\"shape\":\""
                + shape
                + "\",\"readySeconds\":{");
    ready.forEach(
        (k, v) ->
            json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                .append('"')
                .append(k)
                .append("\":")
                .append(String.format(Locale.ROOT, "%.1f", v.toMillis() / 1000.0)));
    json.append("},\"memoryMiB\":{");
    memoryMiB.forEach(
        (k, v) ->
            json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                .append('"')
                .append(k)
                .append("\":")
                .append(String.format(Locale.ROOT, "%.1f", v)));
    json.append("},\"moduleCalls\":[");
    json.append(String.join(",", calls.stream().map(ModuleCallStats.Calls::json).toList()))
        .append("]}");
    Suite.append(out.resolve("results.jsonl"), json.toString());
  }

  void roofline(int rep, Roofline.Measurement measurement) throws IOException {
    rooflines.add(measurement);
    Suite.append(
        out.resolve("results.jsonl"),
        "{\"type\":\"roofline\",\"rep\":"
            + rep
            + ",\"script\":\""
            + Roofline.SCRIPT
            + "\",\"result\":"
            + measurement.json()
            + "}");
  }

  void profile(int rep, String shape, Profiler.Profile profile) throws IOException {
    profiles.add(Map.entry(shape + " rep " + rep, profile));
    Suite.append(
        out.resolve("results.jsonl"),
        "{\"type\":\"profile\",\"rep\":"
            + rep
            + ",\"shape\":\""
            + shape
            + "\",\"result\":"
            + profile.json()
            + "}");
  }

  private void profileSection(StringBuilder md) {
    md.append("\n## Where the time goes: JFR during the ")
        .append(profiles.get(0).getValue().scenario())
        .append(" saturation window\n\n")
        .append(
            "Share of each server's CPU samples with a frame of the library on the stack"
                + " (inclusive, so the shares overlap); the run was profiled, so its figures"
                + " carry JFR's overhead.\n\n|  |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Map.Entry<String, Profiler.Profile> p : profiles) {
      md.append(' ').append(p.getKey()).append(", ").append(p.getValue().server()).append(" |");
      rule.append("---|");
    }
    md.append('\n').append(rule).append('\n');
    for (String library : Profiler.LIBRARIES.keySet()) {
      profileRow(
          md,
          library,
          p -> String.format(Locale.ROOT, "%.1f %%", 100 * p.libraryShare().get(library)));
    }
    profileRow(md, "CPU samples", p -> Long.toString(p.samples()));
    profileRow(
        md,
        "garbage collection pauses (share of wall time, count)",
        p -> String.format(Locale.ROOT, "%.1f %% (%d)", 100 * p.gcPauseShare(), p.gcPauses()));
    profileRow(
        md,
        "CPU load: this JVM / whole machine",
        p ->
            String.format(
                Locale.ROOT,
                "%.0f %% / %.0f %%",
                100 * p.jvmCpuShare(),
                100 * p.machineCpuShare()));
    profileRow(
        md,
        "flame graph",
        p -> "[" + p.flameGraph().getFileName() + "](" + p.flameGraph().getFileName() + ")");
    Profiler.Profile first = profiles.get(0).getValue();
    md.append("\nHottest frames of ")
        .append(profiles.get(0).getKey())
        .append(", ")
        .append(first.server())
        .append(" (own samples):\n\n| frame | samples |\n|---|---|\n");
    first
        .hottest()
        .forEach(
            e ->
                md.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(e.getValue())
                    .append(" |\n"));
  }

  private void profileRow(StringBuilder md, String label, Function<Profiler.Profile, String> cell) {
    md.append("| ").append(label).append(" |");
    profiles.forEach(p -> md.append(' ').append(cell.apply(p.getValue())).append(" |"));
    md.append('\n');
  }

  /** Whether every measurement (and roofline run) succeeded at least once and never failed. */
  boolean allSucceeded() {
    return !rows.isEmpty()
        && rows.stream()
            .allMatch(
                r -> r.measurement().failures() == 0 && r.measurement().successPerSecond() > 0)
        && rooflines.stream().allMatch(r -> r.failed() == 0 && r.orders() > 0);
  }

  /** Writes summary.md and the plots. */
  void finish(List<String> shapes) throws IOException {
    StringBuilder md = new StringBuilder("# Benchmark run\n\n");
    environment.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    long reps = rows.stream().mapToInt(Row::rep).distinct().count();
    md.append("- repetitions: ")
        .append(reps)
        .append("; cells show the median, and (min–max) over repetitions\n\n");

    Set<String> scenarios = new LinkedHashSet<>();
    rows.forEach(r -> scenarios.add(r.measurement().scenario()));
    md.append("## Saturation throughput (closed loop, successful iterations/s)\n\n| scenario |");
    shapes.forEach(s -> md.append(' ').append(s).append(" |"));
    md.append("\n|---|").append("---|".repeat(shapes.size())).append('\n');
    for (String scenario : scenarios) {
      md.append("| ").append(scenario).append(" |");
      for (String shape : shapes) {
        md.append(' ')
            .append(cell(values(saturation(shape, scenario), m -> m.successPerSecond()), "%.0f"))
            .append(" |");
      }
      md.append('\n');
    }

    md.append(
            "\n## Latency at fixed offered load (open loop, ms from each iteration's due time)\n\n")
        .append(
            "Offered load is a fraction of the monolith's saturation of the same scenario (first"
                + " repetition).\n\n")
        .append(
            "| scenario | load | offered/s | shape | achieved/s | p50 | p90 | p99 | p99.9 |"
                + " failures |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String scenario : scenarios) {
      for (double fraction : Suite.FRACTIONS) {
        for (String shape : shapes) {
          List<LoadRunner.Measurement> at = rated(shape, scenario, fraction);
          if (at.isEmpty()) {
            continue;
          }
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.0f %% | %.0f | %s | %s | %s | %s | %s | %s | %d |%n",
                  scenario,
                  fraction * 100,
                  at.get(0).offered(),
                  shape,
                  cell(values(at, m -> m.successPerSecond()), "%.1f"),
                  cell(values(at, m -> m.p50()), "%.2f"),
                  cell(values(at, m -> m.p90()), "%.2f"),
                  cell(values(at, m -> m.p99()), "%.2f"),
                  cell(values(at, m -> m.p999()), "%.2f"),
                  at.stream().mapToLong(LoadRunner.Measurement::failures).sum()));
        }
      }
    }

    md.append(
            "\n"
                + "## Servers: time from launch to ready (s) and resident memory after the run"
                + " (MiB)\n\n")
        .append("| shape | process | ready s | memory MiB |\n|---|---|---|---|\n");
    for (String shape : shapes) {
      List<Servers> of = servers.stream().filter(s -> s.shape().equals(shape)).toList();
      Set<String> processes = new LinkedHashSet<>();
      of.forEach(s -> processes.addAll(s.memoryMiB().keySet()));
      for (String process : processes) {
        List<Double> ready =
            of.stream()
                .filter(s -> s.ready().containsKey(process))
                .map(s -> s.ready().get(process).toMillis() / 1000.0)
                .toList();
        md.append("| ")
            .append(shape)
            .append(" | ")
            .append(process)
            .append(" | ")
            .append(ready.isEmpty() ? "—" : cell(ready, "%.1f"))
            .append(" | ")
            .append(
                cell(
                    of.stream().map(s -> s.memoryMiB().getOrDefault(process, 0.0)).toList(),
                    "%.0f"))
            .append(" |\n");
      }
      md.append("| ")
          .append(shape)
          .append(" | **total** | | **")
          .append(
              cell(
                  of.stream()
                      .map(
                          s ->
                              s.memoryMiB().values().stream()
                                  .mapToDouble(Double::doubleValue)
                                  .sum())
                      .toList(),
                  "%.0f"))
          .append("** |\n");
    }

    md.append(
            "\n"
                + "## Module calls made by the order module (mean ms per successful call, over all"
                + " scenarios)\n\n")
        .append("| shape | callee | binding | calls (median) | mean ms |\n|---|---|---|---|---|\n");
    for (String shape : shapes) {
      Map<String, List<ModuleCallStats.Calls>> byKey = new LinkedHashMap<>();
      servers.stream()
          .filter(s -> s.shape().equals(shape))
          .flatMap(s -> s.calls().stream())
          .forEach(
              c ->
                  byKey
                      .computeIfAbsent(c.callee() + " | " + c.binding(), k -> new ArrayList<>())
                      .add(c));
      byKey.forEach(
          (key, calls) ->
              md.append("| ")
                  .append(shape)
                  .append(" | ")
                  .append(key)
                  .append(" | ")
                  .append(cell(calls.stream().map(c -> (double) c.count()).toList(), "%.0f"))
                  .append(" | ")
                  .append(cell(calls.stream().map(ModuleCallStats.Calls::meanMs).toList(), "%.3f"))
                  .append(" |\n"));
    }

    List<Double> monolithCheckout =
        values(saturation("monolith", "checkout"), m -> m.successPerSecond());
    List<Double> roofline = rooflines.stream().map(Roofline.Measurement::ordersPerSecond).toList();
    if (!roofline.isEmpty()) {
      md.append("\n## Roofline: the database alone running one checkout's statements\n\n")
          .append("`")
          .append(Roofline.SCRIPT)
          .append("` with pgbench, ")
          .append(rooflines.get(0).clients())
          .append(" clients, on the monolith's database server and tables (the monolith idle).\n\n")
          .append("| | orders/s | mean ms per checkout |\n|---|---|---|\n")
          .append("| roofline (PostgreSQL alone) | ")
          .append(cell(roofline, "%.1f"))
          .append(" | ")
          .append(cell(rooflines.stream().map(Roofline.Measurement::latencyMs).toList(), "%.2f"))
          .append(" |\n");
      if (!monolithCheckout.isEmpty()) {
        md.append("| monolith checkout (saturation) | ")
            .append(cell(monolithCheckout, "%.1f"))
            .append(" | |\n");
        md.append(
            String.format(
                Locale.ROOT,
                "%n**Cleave / roofline: %.0f %%** (monolith checkout saturation over the roofline,"
                    + " medians)%n",
                100 * median(monolithCheckout) / median(roofline)));
      }
    }

    if (!profiles.isEmpty()) {
      profileSection(md);
    }

    md.append("\n## Targets (benchmarks issue)\n\n");
    target(
        md,
        "monolith catalog search ≥ 3,000 req/s",
        values(saturation("monolith", "search"), m -> m.successPerSecond()),
        v -> v >= 3000,
        "%.0f req/s");
    target(
        md, "monolith checkout ≥ 300 orders/s", monolithCheckout, v -> v >= 300, "%.0f orders/s");
    if (!roofline.isEmpty() && !monolithCheckout.isEmpty()) {
      double share = median(monolithCheckout) / median(roofline);
      md.append(
          String.format(
              Locale.ROOT,
              "- monolith checkout ≥ 40 %% of the roofline (issue 21's aim): %.0f %% of %.0f"
                  + " orders/s → %s%n",
              100 * share,
              median(roofline),
              share >= 0.4 ? "met" : "**missed**"));
    }
    for (double fraction : Suite.FRACTIONS) {
      List<Double> mono = values(rated("monolith", "checkout", fraction), m -> m.p50());
      List<Double> split = values(rated("split-gateway", "checkout", fraction), m -> m.p50());
      if (!mono.isEmpty() && !split.isEmpty()) {
        double ratio = median(split) / median(mono);
        md.append(
            String.format(
                Locale.ROOT,
                "- split behind the gateway, checkout p50 within 2× the monolith's at %.0f %%: "
                    + "%.2f ms vs %.2f ms = %.2f× → %s%n",
                fraction * 100,
                median(split),
                median(mono),
                ratio,
                ratio <= 2 ? "met" : "**missed**"));
      }
    }
    target(
        md,
        "monolith ready within 10 s of launch",
        servers.stream()
            .filter(s -> s.shape().equals("monolith"))
            .map(s -> s.ready().getOrDefault("monolith", Duration.ZERO).toMillis() / 1000.0)
            .toList(),
        v -> v <= 10,
        "%.1f s");
    target(
        md,
        "monolith RSS under 400 MB after the run",
        servers.stream()
            .filter(s -> s.shape().equals("monolith"))
            .map(s -> s.memoryMiB().getOrDefault("monolith", 0.0) * 1.048576)
            .toList(),
        v -> v < 400,
        "%.0f MB");
    Files.writeString(out.resolve("summary.md"), md.toString());
    plots(shapes, scenarios);
  }

  private void target(
      StringBuilder md, String what, List<Double> values, DoublePredicate met, String format) {
    if (values.isEmpty()) {
      md.append("- ").append(what).append(": not measured in this run\n");
      return;
    }
    double median = median(values);
    md.append("- ")
        .append(what)
        .append(": ")
        .append(String.format(Locale.ROOT, format, median))
        .append(" → ")
        .append(met.test(median) ? "met" : "**missed**")
        .append('\n');
  }

  private List<LoadRunner.Measurement> saturation(String shape, String scenario) {
    return rows.stream()
        .filter(
            r ->
                r.shape().equals(shape)
                    && r.fraction() == null
                    && r.measurement().scenario().equals(scenario))
        .map(Row::measurement)
        .toList();
  }

  private List<LoadRunner.Measurement> rated(String shape, String scenario, double fraction) {
    return rows.stream()
        .filter(
            r ->
                r.shape().equals(shape)
                    && r.fraction() != null
                    && r.fraction() == fraction
                    && r.measurement().scenario().equals(scenario))
        .map(Row::measurement)
        .toList();
  }

  private static List<Double> values(
      Collection<LoadRunner.Measurement> measurements,
      ToDoubleFunction<LoadRunner.Measurement> field) {
    return measurements.stream().map(m -> field.applyAsDouble(m)).toList();
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0
        ? Double.NaN
        : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String cell(List<Double> values, String format) {
    if (values.isEmpty()) {
      return "—";
    }
    String median = String.format(Locale.ROOT, format, median(values));
    String min =
        String.format(
            Locale.ROOT, format, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
    String max =
        String.format(
            Locale.ROOT, format, values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    return min.equals(max) ? median : median + " (" + min + "–" + max + ")";
  }

  private void plots(List<String> shapes, Set<String> scenarios) throws IOException {
    for (String scenario : scenarios) {
      XYSeriesCollection data = new XYSeriesCollection();
      for (String shape : shapes) {
        XYSeries p50 = new XYSeries(shape + " p50");
        XYSeries p99 = new XYSeries(shape + " p99");
        for (double fraction : Suite.FRACTIONS) {
          List<LoadRunner.Measurement> at = rated(shape, scenario, fraction);
          if (!at.isEmpty()) {
            p50.add(at.get(0).offered(), Math.max(0.01, median(values(at, m -> m.p50()))));
            p99.add(at.get(0).offered(), Math.max(0.01, median(values(at, m -> m.p99()))));
          }
        }
        if (!p50.isEmpty()) {
          data.addSeries(p50);
          data.addSeries(p99);
        }
      }
      if (data.getSeriesCount() == 0) {
        continue;
      }
      JFreeChart chart =
          ChartFactory.createXYLineChart(
              "Latency vs offered load: " + scenario,
              "offered load (iterations/s)",
              "latency (ms, log scale)",
              data,
              PlotOrientation.VERTICAL,
              true,
              false,
              false);
      XYPlot plot = chart.getXYPlot();
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
      plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
      LogAxis latency = new LogAxis("latency (ms, log scale)");
      latency.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
      plot.setRangeAxis(latency);
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
      for (int i = 0; i < data.getSeriesCount(); i++) {
        String key = (String) data.getSeriesKey(i);
        String shape = key.substring(0, key.lastIndexOf(' '));
        boolean p50 = key.endsWith(" p50");
        renderer.setSeriesPaint(
            i, SHAPE_COLORS[Math.max(0, Suite.SHAPES.indexOf(shape)) % SHAPE_COLORS.length]);
        // p50 dashed, p99 solid, one colour per shape.
        renderer.setSeriesStroke(
            i,
            p50
                ? new BasicStroke(
                    2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2.5f));
      }
      plot.setRenderer(renderer);
      ChartUtils.saveChartAsPNG(
          out.resolve("latency-" + scenario + ".png").toFile(), chart, 900, 560);
    }

    DefaultCategoryDataset memory = new DefaultCategoryDataset();
    for (String shape : shapes) {
      List<Servers> of = servers.stream().filter(s -> s.shape().equals(shape)).toList();
      Set<String> processes = new LinkedHashSet<>();
      of.forEach(s -> processes.addAll(s.memoryMiB().keySet()));
      for (String process : processes) {
        memory.addValue(
            median(of.stream().map(s -> s.memoryMiB().getOrDefault(process, 0.0)).toList()),
            process.startsWith("monolith") ? "monolith" : process,
            shape);
      }
    }
    if (memory.getRowCount() > 0) {
      JFreeChart chart =
          ChartFactory.createStackedBarChart(
              "Resident memory after the run",
              "shape",
              "MiB",
              memory,
              PlotOrientation.VERTICAL,
              true,
              false,
              false);
      chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
      chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
      ChartUtils.saveChartAsPNG(out.resolve("memory.png").toFile(), chart, 900, 560);
    }

    DefaultCategoryDataset saturation = new DefaultCategoryDataset();
    for (String scenario : scenarios) {
      for (String shape : shapes) {
        List<Double> values = values(saturation(shape, scenario), m -> m.successPerSecond());
        if (!values.isEmpty()) {
          saturation.addValue(median(values), shape, scenario);
        }
      }
    }
    if (saturation.getRowCount() > 0) {
      JFreeChart chart =
          ChartFactory.createBarChart(
              "Saturation throughput",
              "scenario",
              "successful iterations/s",
              saturation,
              PlotOrientation.VERTICAL,
              true,
              false,
              false);
      chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
      chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
      for (int i = 0; i < saturation.getRowCount(); i++) {
        chart
            .getCategoryPlot()
            .getRenderer()
            .setSeriesPaint(
                i,
                SHAPE_COLORS[
                    Math.max(0, Suite.SHAPES.indexOf((String) saturation.getRowKey(i)))
                        % SHAPE_COLORS.length]);
      }
      ChartUtils.saveChartAsPNG(out.resolve("saturation.png").toFile(), chart, 900, 560);
    }
  }
}
