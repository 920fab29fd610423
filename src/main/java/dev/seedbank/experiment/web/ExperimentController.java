package dev.seedbank.experiment.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dev.seedbank.experiment.ExperimentDraft;
import dev.seedbank.experiment.ExperimentQuery;
import dev.seedbank.experiment.ExperimentService;
import dev.seedbank.experiment.ExperimentService.CreateOutcome;
import dev.seedbank.experiment.ExperimentService.IdempotencyToken;
import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.experiment.ExperimentStatus;
import dev.seedbank.experiment.SamplerSpecJson;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.FrameworkRelease;
import dev.seedbank.seeds.TorchRelease;
import dev.seedbank.web.ApiException;
import dev.seedbank.web.Digests;
import dev.seedbank.web.ETags;
import dev.seedbank.web.ProblemType;
import dev.seedbank.web.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = "/api/v1/experiments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Experiments", description = "Experiment records: how a run was seeded, stored so it can be replayed")
class ExperimentController {

	private static final String ID = "The experiment's id, from its Location or a search";

	private static final List<String> LEGACY_SAMPLER_FIELDS = List.of("datasetSize", "worldSize", "shuffle",
			"dropLast");

	private final ExperimentService experiments;

	private final JsonMapper json;

	private final ExperimentSettings settings;

	private final RenderedRecords rendered;

	ExperimentController(ExperimentService experiments, JsonMapper json, ExperimentSettings settings,
			RenderedRecords rendered) {
		this.experiments = experiments;
		this.json = json;
		this.settings = settings;
		this.rendered = rendered;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createExperiment", summary = "Record an experiment",
			description = "Stores the run's seeds and sampler settings. Replay-defining fields never change afterwards. "
					+ "With an Idempotency-Key, a retried create with the same body returns the first response; "
					+ "the same key with another body is a 422.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = CreateExperimentRequest.class),
					examples = @ExampleObject(name = "resnet50", summary = ExperimentExamples.CREATE_SUMMARY,
							description = ExperimentExamples.CREATE_DESCRIPTION, value = ExperimentExamples.CREATE))))
	@ApiResponse(responseCode = "201", description = "Recorded; Location names it, ETag is its version",
			headers = { @Header(name = HttpHeaders.LOCATION, description = "The new record's path"),
					@Header(name = HttpHeaders.ETAG, description = "The record's version, for If-Match") },
			content = @Content(schema = @Schema(implementation = ExperimentResponse.class)))
	@ApiResponse(responseCode = "409", description = "An experiment with this name exists")
	@ApiResponse(responseCode = "422",
			description = "The seeds break the framework's rule, the named torch cannot build this sampler, "
					+ "or the Idempotency-Key was used with another body")
	ResponseEntity<String> create(@Valid @RequestBody CreateExperimentRequest request, @Parameter(
			description = "Makes a retried create safe: same key and body replays the first response") @RequestHeader(
					name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey,
			Principal principal) {
		Text.requireIdentifier("Idempotency-Key", idempotencyKey);
		ExperimentDraft draft = draft(request);
		IdempotencyToken token = (idempotencyKey != null) ? new IdempotencyToken(idempotencyKey,
				Digests.sha256Hex(this.json.writeValueAsBytes(canonical(request)))) : null;
		CreateOutcome outcome = this.experiments.create(draft, callerName(principal), token);
		ExperimentSnapshot created = outcome.experiment();
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/experiments/" + created.id()))
			.eTag(ETags.of(created.version()))
			.contentType(MediaType.APPLICATION_JSON);
		if (outcome.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(this.json.writeValueAsString(ExperimentResponse.of(outcome.firstAnswer())));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getExperiment", summary = "Read one experiment",
			description = "Answers 304 when If-None-Match names the current ETag.")
	@ApiResponse(responseCode = "200", description = "The record; ETag is its version",
			headers = @Header(name = HttpHeaders.ETAG, description = "The record's version, for If-Match"))
	@ApiResponse(responseCode = "304", description = "If-None-Match names the current version")
	ResponseEntity<RecordJson> get(@Parameter(description = ID) @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		ExperimentSnapshot experiment = this.experiments.get(id);
		String etag = ETags.of(experiment.version());
		if (ETags.matches(ifNoneMatch, etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).body(this.rendered.of(experiment));
	}

	@GetMapping
	@Operation(operationId = "searchExperiments", summary = "Search experiments",
			description = "Every given criterion must hold; several tag=k:v are AND-ed. Newest first.")
	@ApiResponse(responseCode = "200", description = "The matching records, newest first")
	ExperimentPage search(@Parameter(description = "Exact name") @RequestParam(required = false) String name,
			@Parameter(description = "Names starting with this") @RequestParam(required = false) String namePrefix,
			@Parameter(description = "torch, composer, accelerate or lightning") @RequestParam(
					required = false) String framework,
			// No example: Swagger UI cannot send a string example for an array parameter,
			// and a prefilled tag would hide the experiment being looked up.
			@Parameter(description = "key:value such as team:vision, repeatable; all must match") @RequestParam(
					name = "tag", required = false) java.util.List<String> tags,
			@Parameter(description = "ACTIVE or ARCHIVED") @RequestParam(required = false) ExperimentStatus status,
			@Parameter(description = "Created at or after (ISO-8601)") @RequestParam(
					required = false) Instant createdAfter,
			@Parameter(description = "Created before (ISO-8601)") @RequestParam(required = false) Instant createdBefore,
			@Parameter(description = "Zero-based page") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Page size, at most 500") @RequestParam(
					defaultValue = "20") @Min(1) @Max(500) int size) {
		if ((long) page * size > Integer.MAX_VALUE) {
			// Spring Data computes the row offset as an int and would fail with a 500.
			throw ApiException.invalid("page", "page * size must be at most " + Integer.MAX_VALUE + "; at size " + size
					+ " the last page is " + (Integer.MAX_VALUE / size));
		}
		if (framework != null) {
			framework(framework);
		}
		Text.requireIdentifier("name", name);
		Text.requireIdentifier("namePrefix", namePrefix);
		if (tags != null) {
			tags.forEach((tag) -> Text.requireIdentifier("tag", tag));
		}
		ExperimentQuery query = new ExperimentQuery(name, namePrefix, framework, tagFilter(tags), status, createdAfter,
				createdBefore);
		Page<ExperimentSnapshot> found = this.experiments.search(query, page, size);
		return new ExperimentPage(found.map(this.rendered::of).getContent(), page, size, found.getTotalElements(),
				found.getTotalPages());
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(operationId = "amendExperiment", summary = "Change description, tags or status",
			description = "Needs If-Match with the current ETag (428 without, 412 when stale). Any other field "
					+ "with a different value is a 409: replay-defining fields never change.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AmendExperimentRequest.class),
							examples = @ExampleObject(name = "archive", summary = ExperimentExamples.AMEND_SUMMARY,
									description = "Send with If-Match: the ETag of the last GET",
									value = ExperimentExamples.AMEND)),
					@Content(mediaType = "application/merge-patch+json",
							schema = @Schema(implementation = AmendExperimentRequest.class)) }))
	@ApiResponse(responseCode = "200", description = "The changed record; ETag is its new version",
			headers = @Header(name = HttpHeaders.ETAG, description = "The record's new version"))
	@ApiResponse(responseCode = "409", description = "The body changes a replay-defining field; errors names it")
	@ApiResponse(responseCode = "412", description = "If-Match names a stale version; GET the record again")
	@ApiResponse(responseCode = "428", description = "If-Match is missing")
	ResponseEntity<ExperimentResponse> amend(@Parameter(description = ID) @PathVariable UUID id,
			@Parameter(description = "The record's current ETag, from its last GET or PATCH",
					example = "\"v0\"") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody JsonNode patch, Principal principal) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
					"PATCH needs an If-Match header with the experiment's current ETag; GET the experiment to read it");
		}
		ExperimentSnapshot current = this.experiments.get(id);
		long expectedVersion = ETags.expectedVersion(ifMatch, current.version());
		JsonNode currentJson = this.json.valueToTree(ExperimentResponse.of(current));
		ExperimentSnapshot amended = this.experiments.amend(id, expectedVersion,
				ExperimentPatch.read(patch, currentJson), callerName(principal));
		return ResponseEntity.ok().eTag(ETags.of(amended.version())).body(ExperimentResponse.of(amended));
	}

	@GetMapping("/{id}/audit")
	@Operation(summary = "Read an experiment's history",
			description = "Who created it, then one entry per field each PATCH changed, oldest first.")
	AuditResponse audit(@Parameter(description = ID) @PathVariable UUID id) {
		return new AuditResponse(id, this.experiments.audit(id));
	}

	private static String callerName(Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}

	private ExperimentDraft draft(CreateExperimentRequest request) {
		SamplerSpec sampler = SamplerSpecJson.read(request.sampler());
		if (sampler.datasetSize() > this.settings.maxDatasetSize()) {
			String field = (sampler instanceof StreamingSpec) ? "sampler.shardSizes" : "sampler.datasetSize";
			throw ApiException.invalid(field, "the dataset must hold at most " + this.settings.maxDatasetSize()
					+ " samples (the configured seedbank.experiments.max-dataset-size)");
		}
		TorchRelease torch = TorchRelease.parse(request.torchVersion());
		if (request.tags() != null) {
			// Named as a PATCH names them, without echoing the offending key as a path.
			request.tags().forEach((key, value) -> {
				Text.requireIdentifier("tags", key);
				Text.requireIdentifier("tags." + key, value);
			});
		}
		return new ExperimentDraft(request.name(), request.description(), framework(request.framework()),
				FrameworkRelease.parse(request.frameworkVersion()), torch, request.globalSeed(), request.dataSeed(),
				request.dataSeedPolicy(), Boolean.TRUE.equals(request.deviceSpecific()), sampler,
				Boolean.TRUE.equals(request.seedWorkers()), (request.tags() != null) ? request.tags() : Map.of());
	}

	private static Framework framework(String name) {
		try {
			return Framework.fromWireName(name);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("framework", "must be one of torch, composer, accelerate, lightning");
		}
	}

	/**
	 * The request with sorted tags and sampler fields, so the digest does not depend on
	 * key order. A sampler of the turn-one shape keeps the four-field form its digest
	 * always had, so a retry across an upgrade still replays.
	 */
	private static CreateExperimentRequest canonical(CreateExperimentRequest r) {
		Map<String, String> tags = (r.tags() != null) ? new TreeMap<>(r.tags()) : null;
		return new CreateExperimentRequest(r.name(), r.description(), r.framework(), r.frameworkVersion(),
				r.torchVersion(), r.globalSeed(), r.dataSeed(), r.dataSeedPolicy(), r.deviceSpecific(),
				canonical(r.sampler()), r.seedWorkers(), tags);
	}

	private static JsonNode canonical(JsonNode sampler) {
		ObjectNode sorted = JsonNodeFactory.instance.objectNode();
		if (LEGACY_SAMPLER_FIELDS.containsAll(sampler.propertyNames())) {
			LEGACY_SAMPLER_FIELDS.forEach((field) -> sorted.set(field,
					sampler.path(field).isMissingNode() ? JsonNodeFactory.instance.nullNode() : sampler.get(field)));
			return sorted;
		}
		new TreeSet<>(sampler.propertyNames()).forEach((field) -> sorted.set(field, sampler.get(field)));
		return sorted;
	}

	private static Map<String, String> tagFilter(java.util.List<String> tags) {
		Map<String, String> filter = new TreeMap<>();
		if (tags != null) {
			for (String tag : tags) {
				int colon = tag.indexOf(':');
				if (colon <= 0) {
					throw ApiException.invalid("tag", "'" + tag + "' must be key:value");
				}
				filter.put(tag.substring(0, colon), tag.substring(colon + 1));
			}
		}
		return filter;
	}

}
