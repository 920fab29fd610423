package dev.seedbank.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.seedbank.seeds.Framework;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * Translates an {@link ExperimentQuery} into criteria, each tag an inner join of its own.
 */
final class ExperimentSpecifications {

	private ExperimentSpecifications() {
	}

	static Specification<Experiment> matching(ExperimentQuery query) {
		return (root, criteria, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (query.name() != null) {
				predicates.add(builder.equal(root.get("name"), query.name()));
			}
			if (query.namePrefix() != null) {
				String escaped = query.namePrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
				predicates.add(builder.like(root.get("name"), escaped + "%", '\\'));
			}
			if (query.framework() != null) {
				// The column holds a known framework's wire name: any other name matches
				// nothing.
				predicates.add(Arrays.stream(Framework.values())
					.filter((framework) -> framework.wireName().equals(query.framework()))
					.findFirst()
					.map((framework) -> builder.equal(root.get("framework"), framework))
					.orElseGet(builder::disjunction));
			}
			if (query.status() != null) {
				predicates.add(builder.equal(root.get("status"), query.status()));
			}
			if (query.createdAfter() != null) {
				predicates.add(builder.greaterThanOrEqualTo(root.get("createdAt"), query.createdAfter()));
			}
			if (query.createdBefore() != null) {
				predicates.add(builder.lessThan(root.get("createdAt"), query.createdBefore()));
			}
			for (Map.Entry<String, String> tag : query.tags().entrySet()) {
				MapJoin<Experiment, String, String> join = root.joinMap("tags");
				predicates.add(builder.equal(join.key(), tag.getKey()));
				predicates.add(builder.equal(join.value(), tag.getValue()));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

}
