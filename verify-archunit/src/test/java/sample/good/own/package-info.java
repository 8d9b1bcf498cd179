/**
 * A sample application with a provider adapter of its own, in {@code sms}: it keeps the rules built with its
 * adapter and wiring packages, and breaks the library's strict defaults, which expect no adapter outside it.
 */
package sample.good.own;
