/**
 * A sample application that breaks each rule once, each in a class of its own: {@code web.SmsController} uses the
 * SDK, {@code web.StatusController} and {@code web.CancelButton} call the gateway, {@code web.DevToolsController}
 * imports an adapter, {@code store.DatabaseDown} extends a core type. Only {@code wiring} is a role package.
 */
package sample.bad;
