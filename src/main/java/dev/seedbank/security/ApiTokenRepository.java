package dev.seedbank.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

	Optional<ApiToken> findByTokenSha256(String tokenSha256);

	List<ApiToken> findByName(String name);

	List<ApiToken> findAllByOrderByCreatedAtDescIdDesc();

}
