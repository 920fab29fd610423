package dev.seedbank.timeline;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A rank's digest of what it really read in an epoch.
 *
 * @param sha256 SHA-256 over the indices as little-endian int64
 * @param count how many indices it read
 * @param segment the segment it ran in (default: the latest)
 */
@Schema(description = "A rank's digest of what it really read in an epoch")
record CertificateRequest(
		@Schema(description = "SHA-256 over the indices read, as little-endian int64, 64 hex digits") @NotNull @Pattern(
				regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") String sha256,
		@Schema(description = "How many indices it read", example = "25") @NotNull @Min(0) Long count,
		@Schema(description = "The segment it ran in (default: the latest)", example = "1") @Min(0) Integer segment) {
}
