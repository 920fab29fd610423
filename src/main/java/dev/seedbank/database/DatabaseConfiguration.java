package dev.seedbank.database;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

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
	 * The PostgreSQL release Hibernate assumes (major, minor): the one the tests run on.
	 * The embedded H2 is its JDBC driver, so its version is the driver's.
	 */
	private static final List<String> POSTGRESQL_VERSION = List.of("15", "0");

	/**
	 * Wraps the application's data source in the {@link SchemaGate}; static, as a
	 * post-processor must be, so it runs before the data source is used.
	 */
	@Bean
	static BeanPostProcessor schemaGatePostProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof DataSource pool && name.equals("dataSource") && !(bean instanceof SchemaGate))
						? new SchemaGate(pool) : bean;
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
	 * start while the database is down. For the two databases seedbank runs on, the URL
	 * names the database, so Hibernate boots without a connection
	 * ({@code hibernate.boot.allow_jdbc_metadata_access}, Hibernate 6.5 and later; 7.2
	 * here), from its product name and version (an explicit {@code hibernate.dialect}
	 * draws a deprecation warning). Any of these set in {@code spring.jpa.properties}
	 * wins.
	 */
	@Bean
	HibernatePropertiesCustomizer dialectWithoutConnection(Environment environment) {
		String url = environment.getProperty("spring.datasource.url", "");
		String name = url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : url.startsWith("jdbc:h2:") ? "H2" : null;
		List<String> version = url.startsWith("jdbc:postgresql:") ? POSTGRESQL_VERSION : driverVersion(url);
		return (properties) -> {
			if (name != null && version != null && !properties.containsKey("hibernate.dialect")) {
				// Strings: Hibernate's schema validator reads them as such.
				properties.putIfAbsent("jakarta.persistence.database-product-name", name);
				properties.putIfAbsent("jakarta.persistence.database-major-version", version.get(0));
				properties.putIfAbsent("jakarta.persistence.database-minor-version", version.get(1));
				properties.putIfAbsent("hibernate.boot.allow_jdbc_metadata_access", "false");
			}
		};
	}

	private static List<String> driverVersion(String url) {
		try {
			Driver driver = DriverManager.getDriver(url);
			return List.of(Integer.toString(driver.getMajorVersion()), Integer.toString(driver.getMinorVersion()));
		}
		catch (SQLException ex) {
			return null;
		}
	}

}
