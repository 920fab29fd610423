package dev.seedbank.experiment.web;

/**
 * Request examples Swagger UI puts in its "Try it out" editors; each works as sent (the
 * create example once per name, since names are unique).
 */
final class ExperimentExamples {

	static final String CREATE_SUMMARY = "ResNet-50 on ImageNet under Composer, 64 ranks";

	static final String CREATE_DESCRIPTION = "Names are unique: change name before sending it again, "
			+ "or the answer is 409 name-taken.";

	static final String CREATE = """
			{
			  "name": "resnet50-sweep-a/seed-17",
			  "description": "Baseline of sweep A",
			  "framework": "composer",
			  "frameworkVersion": "0.28.0",
			  "torchVersion": "2.5.1",
			  "globalSeed": 17,
			  "dataSeed": null,
			  "dataSeedPolicy": "FRAMEWORK_DEFAULT",
			  "sampler": {"datasetSize": 1281167, "worldSize": 64, "shuffle": true, "dropLast": false},
			  "tags": {"team": "vision", "sweep": "a"}
			}""";

	static final String AMEND_SUMMARY = "Archive the record and retag it";

	static final String AMEND = """
			{
			  "status": "ARCHIVED",
			  "tags": {"team": "vision", "sweep": "a", "outcome": "diverged"}
			}""";

	private ExperimentExamples() {
	}

}
