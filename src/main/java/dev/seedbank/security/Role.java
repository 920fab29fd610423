package dev.seedbank.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a caller may do. Each role includes the ones below it, so a rule names the lowest
 * role that suffices.
 */
public enum Role {

	/** Reads records, index slices and manifests, and verifies orders. */
	READER,

	/** Also creates and amends experiments. */
	WRITER,

	/** Also creates, lists and revokes API tokens. */
	ADMIN;

	/**
	 * @return {@code ROLE_} authorities for this role and every role below it
	 */
	public List<GrantedAuthority> authorities() {
		return List.of(values())
			.subList(0, ordinal() + 1)
			.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
	}

}
