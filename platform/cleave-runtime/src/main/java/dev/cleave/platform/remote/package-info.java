/** What every remote binding of a module API shares: turning problem details back into the exceptions. */
package dev.cleave.platform.remote;
