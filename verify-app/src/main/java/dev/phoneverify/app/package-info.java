/**
 * The sample app's bootstrap: configuration, Guice modules (one per gateway, chosen once in
 * {@link dev.phoneverify.app.VerifyApp}), and the running app's handle. The HTTP layer lives in
 * {@code dev.phoneverify.app.web} and knows no adapter.
 */
package dev.phoneverify.app;
