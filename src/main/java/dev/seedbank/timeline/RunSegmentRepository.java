package dev.seedbank.timeline;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RunSegmentRepository extends JpaRepository<RunSegment, Long> {

	List<RunSegment> findByExperimentIdOrderBySegmentIndexAsc(UUID experimentId);

}
