/**
 * The running shape as one JSON document, the same from every front door: {@link Topology} (its
 * deployables and the module calls they made), filled from {@link Health} (readiness, hosted
 * modules, circuits) and {@link ModuleCallSample}s (from a registry in-process, or from a server's
 * Prometheus text through {@link PrometheusCalls}).
 */
package dev.cleave.platform.topology;
