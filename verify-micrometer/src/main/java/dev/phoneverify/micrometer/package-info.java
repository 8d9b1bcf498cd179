/**
 * Micrometer metrics for phone verification: {@link dev.phoneverify.micrometer.PhoneVerifyMetrics} counts what the
 * use cases report and times every call to the provider. Tags come from closed sets only: no number, id or code.
 */
package dev.phoneverify.micrometer;
