package dev.seedbank.security.web;

import java.time.Instant;

import dev.seedbank.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request for a new API token.
 *
 * @param name who will use it; recorded as {@code createdBy} of what it creates
 * @param role READER, WRITER or ADMIN
 * @param expiresAt when it stops working (ISO-8601, in the future); absent for never
 */
@Schema(description = "A request for a new API token")
record CreateTokenRequest(
		@Schema(description = "Who will use it; recorded as createdBy of what it creates",
				example = "training-launcher") @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{Graph} ]*",
						message = "must be printable characters") String name,
		@Schema(description = "READER, WRITER or ADMIN", example = "WRITER") @NotNull Role role,
		@Schema(description = "When it stops working (ISO-8601, in the future); absent for never",
				nullable = true) Instant expiresAt) {
}
