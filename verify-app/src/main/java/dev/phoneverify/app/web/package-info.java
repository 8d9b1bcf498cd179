/**
 * Adapter: the HTTP side of the sample app, a server-rendered form flow and a JSON API over
 * the core's use cases ({@link dev.phoneverify.core.service.Verifications}), with errors as {@code application/problem+json}.
 * It knows no gateway adapter; the fake's tester tools reach it only through {@link dev.phoneverify.app.web.DevConsole}.
 */
package dev.phoneverify.app.web;
