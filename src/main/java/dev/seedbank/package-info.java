/**
 * seedbank: records a training run's seeds and serves back the exact data order and
 * worker seeds the frameworks would produce. This package holds only the Spring Boot
 * entry point; the engine ({@code sampling}, {@code seeds}) sits below the features
 * ({@code experiment}, {@code order}, {@code manifest}, {@code security},
 * {@code timeline}), which share the HTTP layer in {@code web} and the API document in
 * {@code config}. {@code ModuleRulesTests} checks these boundaries on every build.
 */
package dev.seedbank;
