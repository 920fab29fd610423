package dev.seedbank;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/**
 * The base of the repository tests: entities, repositories and the Flyway schema on the
 * real PostgreSQL (never an embedded stand-in: the constraints under test are
 * PostgreSQL's), each test in a transaction rolled back at its end. Every subclass shares
 * one application context.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public abstract class RepositorySlice {

}
