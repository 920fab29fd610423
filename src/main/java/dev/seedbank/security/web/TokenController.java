package dev.seedbank.security.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dev.seedbank.security.TokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tokens", description = "API tokens (ADMIN only): create, list and revoke")
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a token",
			description = "The response is the only time the token's secret is shown; seedbank stores its SHA-256.")
	ResponseEntity<CreatedTokenResponse> create(@Valid @RequestBody CreateTokenRequest request, Principal principal) {
		CreatedTokenResponse created = CreatedTokenResponse
			.of(this.tokens.create(request.name().strip(), request.role(), request.expiresAt(), principal.getName()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/tokens/" + created.id()))
			.cacheControl(CacheControl.noStore())
			.body(created);
	}

	@GetMapping
	@Operation(summary = "List tokens", description = "Every token, revoked and expired ones too; never a secret.")
	List<TokenResponse> list() {
		return this.tokens.list().stream().map(TokenResponse::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a token", description = "It stops working with the next request.")
	void revoke(@Parameter(description = "The token's id, from the list") @PathVariable UUID id) {
		this.tokens.revoke(id);
	}

}
