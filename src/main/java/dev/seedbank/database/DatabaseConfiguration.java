package dev.seedbank.database;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Lets the service start without its database: nothing touches it during the context
 * start, and {@link SchemaMigration} takes over from Spring Boot's synchronous Flyway
 * migration. All of it or none: a test slice that leaves this class out gets Boot's
 * defaults.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * The PostgreSQL release Hibernate assumes, major and minor: the one the tests run
	 * on.
	 */
	private static final String[] POSTGRESQL_VERSION = { "15", "0" };

	/**
	 * Wraps the application's data source in the {@link SchemaGate}; static, as a
	 * post-processor must be, so it runs before the data source is used. Only
	 * PostgreSQL's gate starts closed: the embedded H2 is a file in this JVM, it is never
	 * away, and Hibernate reads its metadata at boot ({@link #dialectWithoutConnection}).
	 */
	@Bean
	static BeanPostProcessor schemaGatePostProcessor(Environment environment) {
		boolean closed = postgresql(environment);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource pool && name.equals("dataSource") && !(bean instanceof SchemaGate)) {
					SchemaGate gate = new SchemaGate(pool);
					if (!closed) {
						gate.open();
					}
					return gate;
				}
				return bean;
			}
		};
	}

	/**
	 * Boot's initializer calls this in the context start; {@link SchemaMigration}
	 * migrates later.
	 */
	@Bean
	FlywayMigrationStrategy migrateLater() {
		return (flyway) -> {
		};
	}

	@Bean
	SchemaMigration schemaMigration(Flyway flyway, DataSource dataSource, EntityManagerFactory entities,
			ApplicationEventPublisher events, DatabaseSettings settings) {
		if (!(dataSource instanceof SchemaGate gate)) {
			throw new IllegalStateException("The data source is not behind the schema gate: " + dataSource);
		}
		// Boot configured Flyway with the gated data source; it migrates through the
		// pool.
		DataSource migrateThrough = (flyway.getConfiguration().getDataSource() == gate) ? gate.getTargetDataSource()
				: flyway.getConfiguration().getDataSource();
		Flyway ungated = Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.dataSource(migrateThrough)
			.load();
		return new SchemaMigration(ungated, gate, entities, events, settings);
	}

	/**
	 * The readiness group's {@code schema}: DOWN until the schema is migrated and the
	 * bootstrap token written; {@code db} alone turns UP as soon as the gate opens.
	 */
	@Bean
	HealthIndicator schemaHealthIndicator(SchemaMigration migration) {
		return () -> migration.isReady() ? Health.up().build() : Health.down().build();
	}

	/**
	 * Hibernate reads the JDBC metadata at boot to pick its dialect, which fails the
	 * start while the database is down. On PostgreSQL it boots without a connection
	 * ({@code hibernate.boot.allow_jdbc_metadata_access}, Hibernate 6.5 and later; 7.2
	 * here) from the product name and version (an explicit {@code hibernate.dialect}
	 * draws a deprecation warning); any of them set in {@code spring.jpa.properties}
	 * wins. The embedded H2 cannot be down, and without its metadata Hibernate would look
	 * its lower-cased tables ({@code DATABASE_TO_LOWER}) up in upper case: it boots as
	 * before.
	 */
	@Bean
	HibernatePropertiesCustomizer dialectWithoutConnection(Environment environment) {
		boolean postgresql = postgresql(environment);
		return (properties) -> {
			if (postgresql && !properties.containsKey("hibernate.dialect")) {
				// Strings: Hibernate's schema validator reads them as such.
				properties.putIfAbsent("jakarta.persistence.database-product-name", "PostgreSQL");
				properties.putIfAbsent("jakarta.persistence.database-major-version", POSTGRESQL_VERSION[0]);
				properties.putIfAbsent("jakarta.persistence.database-minor-version", POSTGRESQL_VERSION[1]);
				properties.putIfAbsent("hibernate.boot.allow_jdbc_metadata_access", "false");
			}
		};
	}

	private static boolean postgresql(Environment environment) {
		return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
	}

}
