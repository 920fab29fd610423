package dev.seedbank.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, closed until the schema is migrated: nothing (Hibernate,
 * the repositories, the health check) gets a connection to a database without its tables.
 * A closed gate fails like an unreachable database, a transient connection exception, so
 * requests are answered with the 503 the web layer gives for an outage, never a 500 for a
 * missing table. {@link SchemaMigration} migrates through the pool behind it.
 */
final class SchemaGate extends DelegatingDataSource {

	private volatile boolean open;

	SchemaGate(DataSource pool) {
		super(pool);
	}

	void open() {
		this.open = true;
	}

	boolean isOpen() {
		return this.open;
	}

	@Override
	public Connection getConnection() throws SQLException {
		checkOpen();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		checkOpen();
		return super.getConnection(username, password);
	}

	private void checkOpen() throws SQLTransientConnectionException {
		if (!this.open) {
			throw new SQLTransientConnectionException("The database schema is not migrated yet", "08000");
		}
	}

}
