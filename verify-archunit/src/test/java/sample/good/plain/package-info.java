/**
 * A sample application that embeds phone-verify with the library's own adapter and keeps every rule: controllers
 * use the driving ports, an audit trail listens, and only the wiring names the adapter.
 */
package sample.good.plain;
