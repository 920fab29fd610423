package dev.seedbank.timeline;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RankCertificateRepository extends JpaRepository<RankCertificate, Long> {

	List<RankCertificate> findByExperimentIdOrderByIdAsc(UUID experimentId);

}
