package dev.seedbank.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Reads what went wrong with the database out of an exception, however Spring, JPA and
 * HikariCP wrapped it; used by the controller advice and by the {@code /error} fallback.
 */
final class DatabaseFailures {

	/** What HikariCP throws for any use of a connection it has already closed. */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private DatabaseFailures() {
	}

	/**
	 * Whether a lost database connection is behind an exception, however it is wrapped.
	 * When the server goes away mid-transaction, the rollback fails too and its
	 * {@code JpaSystemException} ("Unable to rollback against JDBC Connection") hides the
	 * original {@code DataAccessResourceFailureException}: its cause is HikariCP's
	 * {@code ProxyConnection.ClosedConnection} "Connection is closed", which carries no
	 * SQLState (HikariCP 7.0). SQLState class 08 is a connection exception; 57P01..57P03
	 * are PostgreSQL shutting down, crashing or starting.
	 */
	static boolean lostConnection(Throwable ex) {
		Throwable cause = ex;
		for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql
					&& (HIKARI_CLOSED_CONNECTION.equals(sql.getMessage()) || (sql.getSQLState() != null
							&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))))) {
				return true;
			}
		}
		return false;
	}

	static String sqlState(Throwable ex) {
		Throwable cause = ex;
		for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
