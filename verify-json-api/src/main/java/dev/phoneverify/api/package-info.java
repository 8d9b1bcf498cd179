/**
 * The JSON API's one definition, for every server that serves it (the Guice app on Javalin, the Spring Boot
 * starter on Spring MVC): the verification resource, the problem of each refusal and failure, and how request
 * bodies are read and checked. No web framework here; Jackson writes and reads the JSON.
 */
package dev.phoneverify.api;
