/**
 * Adapter: an in-memory simulator of Vonage Verify (v1 by default, or v2) for tests and demos. {@link
 * dev.phoneverify.adapter.fake.FakeVerificationGateway} implements the core's gateway port and adds a tester's API
 * (outbox, clock, deterministic codes, scripted faults, pushed status); {@link
 * dev.phoneverify.adapter.fake.FakeVerificationExtension} hands a fresh one to each JUnit 5 test. Vonage's rules come
 * from {@code verify-vonage-model}; the simulator's parts are small classes: {@code Simulator} runs the calls,
 * {@code RequestBook} alone keeps the requests, {@code Outbox}, {@code Timeline}, {@code ScriptedFaults},
 * {@code StatusPush} and {@code CodeSource} each do one job.
 */
package dev.phoneverify.adapter.fake;
