/**
 * OpenTelemetry spans around phone verification: {@link dev.phoneverify.opentelemetry.PhoneVerifyTelemetry} returns
 * traced decorators of the driving ports and of the provider gateway, so the core never sees OpenTelemetry.
 */
package dev.phoneverify.opentelemetry;
