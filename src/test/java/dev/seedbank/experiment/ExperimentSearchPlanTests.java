package dev.seedbank.experiment;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.seedbank.RepositorySlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tag search's page query can be served by {@code ix_experiment_tag_key_value} on
 * PostgreSQL. Sequential scans are priced out, so the plan shows whether the index is
 * usable at all, whatever the table holds; on 100,000 records the planner picks it by
 * itself for a selective tag (README, Operations). Each test's transaction is rolled
 * back, the dropped index with it.
 */
class ExperimentSearchPlanTests extends RepositorySlice {

	private static final String TAG_INDEX = "ix_experiment_tag_key_value";

	@Autowired
	DataSource dataSource;

	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.jdbc = JdbcClient.create(this.dataSource);
		this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
	}

	@Test
	void aTagSearchUsesTheTagIndex() {
		assertThat(plan(Map.of("sweep", "s42"))).contains(TAG_INDEX);
		assertThat(plan(Map.of("sweep", "s42", "team", "vision"))).contains(TAG_INDEX);
	}

	@Test
	void withoutTheIndexThePlanDoesNotNameIt() {
		this.jdbc.sql("DROP INDEX " + TAG_INDEX).update();
		assertThat(plan(Map.of("sweep", "s42"))).doesNotContain(TAG_INDEX);
	}

	private String plan(Map<String, String> tags) {
		ExperimentSearch.Sql page = ExperimentSearch
			.pageSql(new ExperimentQuery(null, null, null, tags, null, null, null), 0, 20);
		List<String> lines = this.jdbc.sql("EXPLAIN " + page.text()).params(page.params()).query(String.class).list();
		return String.join("\n", lines);
	}

}
