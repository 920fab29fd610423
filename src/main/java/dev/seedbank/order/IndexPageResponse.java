package dev.seedbank.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.core.annotation.AliasFor;

/**
 * The 200 answer of an endpoint that {@code web.IndexResponder} serves, in the three
 * formats {@link IndexFormat} negotiates: one declaration for every sampler's index
 * endpoint and the timeline's. springdoc reads it as the {@code @ApiResponse} it carries
 * (it merges meta-annotations); {@code IndexOpenApiTests} checks the document.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "200",
		content = { @Content(mediaType = "application/json", schema = @Schema(implementation = IndexPage.class)),
				@Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
				@Content(mediaType = "application/x-npy", schema = @Schema(type = "string", format = "binary")) })
public @interface IndexPageResponse {

	/**
	 * @return the response's description
	 */
	@AliasFor(annotation = ApiResponse.class, attribute = "description")
	String description() default "The page; headers carry the whole list's digest and length";

}
