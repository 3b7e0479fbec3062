/**
 * Calls from one module to another, seen from the caller: which module calls which, through which
 * binding (in-process or remote), how long each call takes and how it ends ({@link ModuleCalls}),
 * and the state of the circuit breakers in front of each callee ({@link DownstreamHealthCheck}). A
 * caller marks its outgoing calls with {@link ModuleCall}; the same marks work in every shape.
 */
package dev.cleave.platform.calls;
