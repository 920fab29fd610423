package dev.seedbank.experiment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExperimentAuditRepository extends JpaRepository<ExperimentAudit, Long> {

	List<ExperimentAudit> findByExperimentIdOrderByIdAsc(UUID experimentId);

}
