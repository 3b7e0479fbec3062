/**
 * What every remote binding of a module API shares: the service identity it presents, the REST
 * client it is made of, and turning problem details back into the in-process exceptions.
 */
package dev.cleave.platform.remote;
